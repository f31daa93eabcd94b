// The Stencil runtime Taro's H5 components themselves import. pnpm keeps it out of this package's
// own node_modules, so it is resolved from @tarojs/components; it must be that very module, since
// its records of the component hosts live in a module-level WeakMap. Plain JS because it needs
// Node's resolver, which the mini-program's typecheck deliberately does not know.
const { dirname } = require('node:path');

const taroComponents = dirname(require.resolve('@tarojs/components/package.json'));

module.exports = require(require.resolve('@stencil/core/internal/client', { paths: [taroComponents] }));
