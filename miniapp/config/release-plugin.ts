import fs from 'node:fs';
import path from 'node:path';
import { releaseProjectConfig, type ReleaseSettings } from './release';

/** The little of Taro's plugin context this uses (@tarojs/service is not a dependency of its own here). */
interface PluginContext {
  paths: { outputPath: string };
  modifyAppConfig(fn: (args: { appConfig: Record<string, unknown> }) => void): void;
  onBuildComplete(fn: () => void): void;
}

/**
 * Release only (config/index.ts adds it in mode `release`). lazyCodeLoading makes WeChat inject
 * only the components a page uses, so a page opens sooner on an old phone; development builds keep
 * today's app.json. The dist project.config.json is written by Taro from miniapp/project.config.json
 * before the build, and is rewritten once the build is done.
 */
export default (ctx: PluginContext, settings: ReleaseSettings) => {
  ctx.modifyAppConfig(({ appConfig }) => {
    appConfig.lazyCodeLoading = 'requiredComponents';
  });
  ctx.onBuildComplete(() => {
    const file = path.join(ctx.paths.outputPath, 'project.config.json');
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, `${JSON.stringify(releaseProjectConfig(written, settings), null, 2)}\n`);
  });
};
