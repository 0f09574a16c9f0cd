#!/usr/bin/env node
// `npm start`: side-load the add-in into Excel desktop where Excel can be found (Windows, macOS);
// elsewhere (Linux, CI) build, run the headless demo on the embedded example, and say how to use Excel on the web.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });

function excelDesktopInstalled() {
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    const roots = [process.env["ProgramFiles"], process.env["ProgramFiles(x86)"]].filter(Boolean);
    return roots.some((r) => ["Microsoft Office\\root\\Office16\\EXCEL.EXE", "Microsoft Office\\Office16\\EXCEL.EXE"].some((p) => fs.existsSync(path.join(r, p))));
  }
  return false;
}

if (excelDesktopInstalled() && !process.env.CI) {
  // office-addin-debugging builds (dev), starts the HTTPS dev server and side-loads manifest.xml into Excel.
  const r = run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
  process.exit(r.status ?? 1);
}

console.log("Excel (desktop) niet gevonden op deze machine: ik bouw de invoegtoepassing en draai de demo zonder Excel.\n");
let r = run("npx", ["webpack", "--mode", "production"]);
if (r.status !== 0) process.exit(r.status ?? 1);
r = run(process.execPath, [path.join(root, "bin", "mkba.js"), "demo"]);
if (r.status !== 0) process.exit(r.status ?? 1);
console.log("\nEen hele MKBA op een ingebouwd voorbeeld (AEPB, pilot Almere): mkba run --example almere\n");
r = run(process.execPath, [path.join(root, "bin", "mkba.js"), "run", "--example", "almere"]);
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`
In Excel op het web laden (sideloaden) / side-load into Excel on the web:
  1. npm run dev-server            (HTTPS-ontwikkelserver op https://localhost:3000/; vertrouw het certificaat
                                    eenmalig met: npx office-addin-dev-certs install)
  2. Open een werkmap op https://www.office.com in Excel op het web.
  3. Start > Invoegtoepassingen > Meer invoegtoepassingen > Mijn invoegtoepassingen > Mijn invoegtoepassing uploaden,
     en kies manifest.xml uit deze map.
  Of laat het office-addin-debugging doen met een werkmap-URL:
     npm run start:web -- --document "https://…/werkmap.xlsx"
De gebouwde bestanden staan in dist/; zie README.md voor publiceren op een eigen HTTPS-server.
`);
