/* eslint-disable no-undef */
// Builds the add-in (task pane + custom functions in one shared runtime, the ribbon commands page) and the CLI.
// The production URL is set at build time: MKBA_ADDIN_URL, else package.json "config.production_url".
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LicensePlugin = require("webpack-license-plugin");
const { BannerPlugin, Compilation } = require("webpack");

/**
 * Third-party licences of everything a bundle contains (zod included, which carries no licence banner), as
 * third-party-licenses.json plus a readable THIRD-PARTY-NOTICES.txt. A package without an open-source licence we accept
 * fails the build. docs/licences.md explains the choices.
 */
function licensePlugin(prefix) {
  const notices = (packages) =>
    packages.map((p) => `${p.name} ${p.version} — ${p.license}\n${p.repository || ""}\n\n${p.licenseText || "(geen licentietekst meegeleverd)"}\n`).join("\n" + "-".repeat(78) + "\n\n");
  return new LicensePlugin({
    outputFilename: `${prefix}third-party-licenses.json`,
    unacceptableLicenseTest: (license) => !/^(MIT|ISC|Apache-2\.0|BSD-2-Clause|BSD-3-Clause|0BSD|BlueOak-1\.0\.0|\(MIT OR Apache-2\.0\))$/.test(license),
    additionalFiles: { [`${prefix}THIRD-PARTY-NOTICES.txt`]: notices },
  });
}
const packageJson = require("./package.json");

const DEV_URL = "https://localhost:3000/";

function productionUrl() {
  const url = process.env.MKBA_ADDIN_URL || packageJson.config.production_url;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) {
    throw new Error(`Productie-URL "${url}" moet met https:// beginnen en op / eindigen (MKBA_ADDIN_URL of package.json config.production_url).`);
  }
  if (url === DEV_URL) {
    console.warn("Let op: geen productie-URL gezet (MKBA_ADDIN_URL); dist/manifest.xml wijst naar " + DEV_URL);
  }
  return url;
}

async function httpsOptions() {
  // Only the dev server needs certificates; office-addin-dev-certs makes (and on first use installs) them.
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

// ES modules for webpack, so that it can tree-shake zod and decimal.js (tsconfig keeps CommonJS for Jest).
const tsRule = { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } } };

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const url = dev ? DEV_URL : productionUrl();
  const outputPath = path.resolve(__dirname, "dist");

  const addin = {
    name: "addin",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      // The Web Worker of the task pane's tornado and Monte Carlo actions (loaded by the pane, not by the page).
      "uncertainty.worker": "./src/taskpane/uncertainty.worker.ts",
      // The Web Worker of "Registratie inlezen" (records read and measured off the pane's thread).
      "registration.worker": "./src/taskpane/registration.worker.ts",
    },
    output: { path: outputPath, filename: "[name].js", clean: { keep: /^cli\// } },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule, { test: /\.(png|jpg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } }] },
    plugins: [
      licensePlugin(""),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // Shared runtime: the task pane page is also the custom-functions runtime, so it loads functions.js too.
      // The custom functions first and alone: their small bundle runs (and registers with Excel) before the task pane's
      // UI bundle is even parsed; the code both use (decimal.js, the engine's discounting) is one shared chunk.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "commands", "taskpane"], chunksSortMode: "manual" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/functions/functions-en-us.json", to: "functions-en-us.json" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(url),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: outputPath },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
    performance: { maxAssetSize: 400000, maxEntrypointSize: 400000 },
    optimization: {
      // Modules used by both the functions and the task pane go once into functions-shared.js (loaded before both by
      // taskpane.html). The worker is not split: it is loaded on its own by `new Worker`.
      splitChunks: {
        cacheGroups: {
          defaultVendors: false,
          default: false,
          shared: { name: "functions-shared", chunks: (chunk) => chunk.name === "functions" || chunk.name === "taskpane", minChunks: 2, enforce: true },
        },
      },
    },
  };

  // Minimized only as far as start-up time asks: every start reads the whole bundle, so without comments and
  // indentation (about half the bytes) and in ASCII (a string of one-byte characters, where the Dutch "€", "×" and "—"
  // in messages would make all of it two-byte and UTF-8 decoding slow). Not compressed or mangled: names stay as
  // written, for stack traces.
  const cliMinimizeOptions = { javascript: { compress: false, mangle: false, format: { ascii_only: true, comments: false } } };
  // The build hash in mkba.js's first line: the chunk hash (modules and runtime) and these options with webpack's
  // version, which change the bytes without changing the chunk.
  const cliOptionsHash = require("crypto").createHash("sha256").update(JSON.stringify(cliMinimizeOptions) + require("webpack/package.json").version).digest("hex").slice(0, 8);

  const cli = {
    name: "cli",
    target: "node20",
    devtool: false,
    entry: { mkba: "./src/cli/index.ts", bench: "./src/cli/bench.ts" },
    output: { path: path.join(outputPath, "cli"), filename: "[name].js", chunkFilename: "chunk-[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    // manifest.xml as its text: the add-in's id, version and namespace for the workbooks the CLI writes (src/cli/xlsx/addinManifest.ts).
    module: { rules: [tsRule, { test: /manifest\.xml$/, type: "asset/source" }] },
    plugins: [
      licensePlugin(""),
      // The first line of mkba.js names its build: bin/mkba.js keys V8's code cache on it. Added after minimizing, so
      // that it stays the first line (the minimizer moves licence comments to *.LICENSE.txt and names that file first).
      new BannerPlugin({ banner: `mkba-build [chunkhash]${cliOptionsHash}`, test: /^mkba\.js$/, entryOnly: true, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }),
    ],
    optimization: { minimize: true, minimizeOptions: cliMinimizeOptions },
    // ExcelJS and JSZip (for mkba werkmap: src/cli/xlsx/) are runtime dependencies loaded from node_modules, not
    // bundled. HyperFormula (GPLv3) and custom-functions-metadata are devDependencies that only the benchmark loads,
    // from node_modules.
    externals: {
      exceljs: "commonjs exceljs",
      jszip: "commonjs jszip",
      hyperformula: "commonjs hyperformula",
      "hyperformula/i18n/languages": "commonjs hyperformula/i18n/languages",
      "custom-functions-metadata": "commonjs custom-functions-metadata",
    },
  };

  return serving ? addin : [addin, cli];
};
