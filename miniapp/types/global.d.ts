/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

/**
 * The app code runs in a mini-program or a browser, never in Node: only the build-time constants
 * Taro substitutes are declared, so a stray Node API fails the typecheck.
 */
declare const process: {
  env: {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | string;
    /** Where the API lives; '' means the same origin as the H5 page. */
    TARO_APP_API_BASE?: string;
  };
};
