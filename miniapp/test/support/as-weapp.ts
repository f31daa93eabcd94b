// Imported first by a test file to load the app as the WeChat build (platform.ts reads this once).
process.env.TARO_ENV = 'weapp';
