/** Every config file under src/ (app.config.ts included), by its path from src/ ("packages/x/y.config.ts"), with its text. */
export function pageConfigs(): Array<{ file: string; text: string }>;
