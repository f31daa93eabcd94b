// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // Fast refresh needs react-refresh and its webpack plugin; watch builds reload the page instead.
        hot: false,
      },
    ],
  ],
};
