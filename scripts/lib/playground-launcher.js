#!/usr/bin/env node
/* eslint-disable */
/**
 * Starts the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) with a few small,
 * named source patches applied in memory (node_modules is never modified). Run by
 * scripts/lib/playground.ts with the CLI's own arguments, e.g. `start --app-endpoint URL --port N`.
 *
 * Patches (each one is looked up by exact text; a missing one is reported, not fatal):
 * - users-limit:    the config schema wants exactly 5 `users`; our demo organisation has 7.
 * - channels-limit: the config schema allows 1 channel besides General; we use Help Desk and
 *                   Power Platform Team.
 * - loopback:       the playground listens on every interface; its connector accepts unauthenticated
 *                   activities and relays to the bot, so keep it on 127.0.0.1.
 * - service-url:    the serviceUrl it gives the bot says `localhost`; say 127.0.0.1 to match.
 *
 * It also makes the playground print its log to stdout: it only writes to its log file when stdout
 * is not a terminal, and we read "Listening on N" and errors from stdout.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const pkgDir = path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json', { paths: [path.resolve(__dirname, '..', '..')] }));
const entry = path.join(pkgDir, 'dist', 'index.js');
const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;

const PATCHES = [
  { name: 'users-limit', from: '"minItems":5,"maxItems":5', to: '"minItems":1,"maxItems":100' },
  { name: 'channels-limit', from: '"maxItems":1,"items":{"$ref":"#/$defs/Channel"}', to: '"maxItems":20,"items":{"$ref":"#/$defs/Channel"}' },
  {
    name: 'loopback',
    from: 'server.listen(port,(function(){try{const port=server.address().port',
    to: 'server.listen(port,"127.0.0.1",(function(){try{const port=server.address().port',
  },
  {
    name: 'service-url',
    from: 'serviceUrl=`http://localhost:${address.port}/_connector`',
    to: 'serviceUrl=`http://127.0.0.1:${address.port}/_connector`',
  },
];

let source = fs.readFileSync(entry, 'utf8');
const missing = [];
for (const patch of PATCHES) {
  const at = source.indexOf(patch.from);
  if (at < 0 || source.indexOf(patch.from, at + 1) >= 0) {
    missing.push(patch.name);
    continue;
  }
  source = source.replace(patch.from, () => patch.to);
}
if (missing.length > 0) {
  console.error(
    `[playground-launcher] @microsoft/m365agentsplayground ${version}: patch(es) not applied: ${missing.join(', ')}. ` +
      'The package changed; see scripts/lib/playground-launcher.js.',
  );
}

// The playground copies console output to stdout only when stdout is a terminal.
process.stdout.isTTY = true;

const mod = new Module(entry, module);
mod.filename = entry;
mod.paths = Module._nodeModulePaths(path.dirname(entry));
mod._compile(source, entry);

process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});
mod.exports.start();
