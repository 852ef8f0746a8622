/**
 * Sandbox module `uuid`: what `require('uuid')` gives in Postman's sandbox, a function that
 * makes a version 4 UUID, also as its `v4` (`require('uuid').v4()`). Postman's is this
 * much, not the uuid package, so it is written here as Postman has it. Its random digits
 * come from the sandbox's Math.random (sfc32, seeded from the OS for each run).
 */
export const UUID_SOURCE = `(function (K) {
'use strict';
function v4() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
    var r = K.random() * 16 | 0;
    return (c === 'x' ? r : (r & 3) | 8).toString(16);
  });
}
v4.v4 = v4;
return v4;
})`
