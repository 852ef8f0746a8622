// electron-vite's import suffixes in the main bundle (`?modulePath`: a file bundled
// separately, imported as its path).
/// <reference types="electron-vite/node" />
