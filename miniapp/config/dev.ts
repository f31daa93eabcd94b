import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // Matches `hot: false` in babel.config.js: no fast refresh, so no extra dependencies for it.
      hot: false,
      open: false,
      // The H5 client calls the API on its own origin, as it does when the server hosts the build.
      proxy: [{ context: ['/api', '/health'], target: 'http://127.0.0.1:3000' }],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
