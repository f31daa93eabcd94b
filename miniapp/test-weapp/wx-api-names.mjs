// The names WeChat's `wx` object has, read from WeChat's own typings (miniprogram-api-typings,
// interface WechatMiniprogram.Wx and its merged declarations), so the boot realm's `wx` has exactly
// those names: a call to an API WeChat does not have fails here as it would on the phone.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let cached;

export function wxApiNames() {
  if (cached) return cached;
  const ts = require('typescript');
  const typesDir = path.join(path.dirname(require.resolve('miniprogram-api-typings/package.json')), 'types', 'wx');
  const names = new Set();
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
      for (const member of node.members) {
        if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) names.add(member.name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of fs.readdirSync(typesDir)) {
    if (!file.endsWith('.d.ts')) continue;
    const text = fs.readFileSync(path.join(typesDir, file), 'utf8');
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
  }
  cached = [...names].sort();
  return cached;
}
