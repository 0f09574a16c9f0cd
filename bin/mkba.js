#!/usr/bin/env node
// Starts the built CLI (dist/cli/mkba.js). Build it first with `npm run build`.
//
// Start-up time: compiling the bundle (about 0.5 MB: comments and indentation stripped and in ASCII, so that reading
// it is cheap; webpack.config.js) and then each function it runs costs V8 about as much as the command itself. So the
// bundle is loaded as Node would load it (the same module wrapper, `require` relative to it), but
// through vm.Script with V8's code cache: after a run that had no usable cache, the code compiled by then is written
// next to the bundle, one cache per command since each compiles other functions (dist/cli/mkba.js.run.v8cache: the
// bundle's build hash, then V8's data; written to a temporary file and renamed, so that concurrent runs never read
// half a file), and later starts skip the compilation — what Node 22's module.enableCompileCache does. V8 itself
// rejects a cache of another V8 version or other flags; the build hash, which webpack writes in the bundle's first
// line (webpack.config.js), catches a rebuilt bundle (hashing the file here would load node:crypto, ~15 ms). A bundle
// without it, or a cache that cannot be read or written (a read-only installation): the CLI simply compiles. Commands
// other than run, example and werkmap are chunks of their own (dist/cli/chunk-*.js), which the bundle loads through
// that `require` when one is asked for; they are small and compile without a cache.
const fs = require("fs");
const path = require("path");
const built = path.join(__dirname, "..", "dist", "cli", "mkba.js");
if (!fs.existsSync(built)) {
  process.stderr.write("mkba: nog niet gebouwd; voer eerst `npm run build` uit (not built yet: run `npm run build`).\n");
  process.exit(2);
}

const Module = require("module");
const vm = require("vm");

const COMMANDS = ["run", "fn", "demo", "example", "werkmap", "audit", "gevoeligheid", "montecarlo"];
const command = COMMANDS.includes(process.argv[2]) ? process.argv[2] : "overig";
const cacheFile = `${built}.${command}.v8cache`;
const source = fs.readFileSync(built, "utf8");
const build = /^\/\*! mkba-build ([0-9a-f]{16,}) \*\//.exec(source.slice(0, 100));
const digest = build ? Buffer.from(build[1], "hex") : undefined;
let cachedData;
try {
  const cache = digest ? fs.readFileSync(cacheFile) : undefined;
  if (cache && cache.length > digest.length && cache.subarray(0, digest.length).equals(digest)) cachedData = cache.subarray(digest.length);
} catch {
  // no cache yet
}
const script = new vm.Script(Module.wrap(source), { filename: built, ...(cachedData ? { cachedData } : {}) });
if (digest && (!cachedData || script.cachedDataRejected)) {
  process.once("exit", () => {
    const temporary = `${cacheFile}.${process.pid}`;
    try {
      fs.writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
      fs.renameSync(temporary, cacheFile);
    } catch {
      try {
        fs.unlinkSync(temporary);
      } catch {
        // nothing was written
      }
    }
  });
}
const bundle = new Module(built, module);
bundle.filename = built;
bundle.paths = Module._nodeModulePaths(path.dirname(built));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(built), bundle, built, path.dirname(built));
bundle.loaded = true;
