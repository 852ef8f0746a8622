// Stands in for faker inside postman-collection in out/node (see build-node.mjs): the real
// faker, still in node_modules, is loaded the first time a dynamic variable ({{$randomName}})
// calls one of its functions. postman-collection reads `faker.section.fn` when it loads
// (its table of generators) and only ever calls them, so each is a function that calls
// the real one, with the same `this` and arguments.
let faker
// A require() inside the function: that is what defers it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const real = () => (faker ??= require('@faker-js/faker/locale/en'))

const section = (name) =>
  new Proxy(
    {},
    {
      get: (_target, fn) =>
        function (...args) {
          return real()[name][fn].apply(this, args)
        },
    },
  )

module.exports = new Proxy({}, { get: (_target, name) => section(name) })
