// The pages' own config files (src/**/<page>.config.ts), read as text. Plain JS because it needs
// Node's file system, which the mini-program's typecheck deliberately does not know.
const fs = require('node:fs');
const path = require('node:path');

const sourceRoot = path.join(__dirname, '..', '..', 'src');

function configFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return configFiles(full);
    return entry.name.endsWith('.config.ts') ? [full] : [];
  });
}

/** Every config file under src/ (app.config.ts included), by its path from src/, with its text. */
function pageConfigs() {
  return configFiles(sourceRoot)
    .map((file) => ({ file: path.relative(sourceRoot, file).split(path.sep).join('/'), text: fs.readFileSync(file, 'utf8') }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

module.exports = { pageConfigs };
