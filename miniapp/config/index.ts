import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { checkRelease, releaseFailure, type ReleaseSettings } from './release';

// The shared contract is a symlinked workspace package; its real path is outside node_modules, so
// webpack follows the symlink and Taro's script rule must be told to transpile it for old phones.
const sharedPackageDir = path.resolve(__dirname, '..', '..', 'shared');

/**
 * Care mode sizing: every length in source CSS is written at a 750-wide design (36px = 18 CSS px on a
 * 375-wide screen) and compiled to rem with 1rem = 32 design px = 16 CSS px. In weapp the page sets
 * its rem base to the user's WeChat font size (page-meta root-font-size="system"), in the browser the
 * rem base is the browser's own default font size, so text and tap targets grow with the person's
 * font setting instead of staying fixed.
 */
const pxtransform = {
  enable: true,
  config: {
    targetUnit: 'rem' as const,
    baseFontSize: 16,
  },
};

/**
 * `taro build --mode release` (pnpm build:weapp:release) is the build that goes to WeChat. Its checks
 * stop it here, before Taro empties dist, with every missing setting named: Taro would only log an
 * error thrown from this file and carry on.
 */
function releaseSettings(mode: string | undefined): ReleaseSettings | null {
  if (mode !== 'release') return null;
  const check = checkRelease(process.env);
  if (check.ok) return check.settings;
  console.error(`\n${releaseFailure(check.problems)}\n`);
  process.exit(1);
}

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const release = releaseSettings(mode);
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wfh-miniapp',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: release ? [[path.resolve(__dirname, 'release-plugin.ts'), release]] : [],
    // Where the API lives, from the shell or from miniapp/.env* files (Taro loads those into
    // process.env before reading this file; a shell variable wins). Empty means the default in
    // src/utils/platform.ts.
    env: {
      TARO_APP_API_BASE: JSON.stringify(release?.apiBase ?? process.env.TARO_APP_API_BASE ?? ''),
    },
    defineConstants: {},
    // WeChat's map markers need an image file in the package (components/PlacesMap.tsx).
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp'
          ? [{ from: 'src/assets/marker.png', to: 'dist/weapp/assets/marker.png' }]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedPackageDir] },
      postcss: {
        pxtransform,
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedPackageDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform,
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
