/**
 * The workbook layout of a model (werkmapindeling): the one mapping between a model and a block of cells, used by
 * `MKBA.SCENARIO` (to read), `mkba werkmap` and the task pane (to write) and the formula-engine tests — so a
 * workbook and a model file always agree.
 *
 * The block has sections; a section starts with a row whose first cell is its name in brackets, and whose other
 * cells are the column headings. Rows until the next section belong to it; empty rows are skipped.
 *
 *   [Instellingen] | waarde
 *   naam           | almere            (titel, omschrijving, prijspeil, eerste jaar, looptijd, discontoregel,
 *                                       basisscenario, bronnen)
 *   [Actoren]      | gemeente
 *   Gemeente       | WAAR
 *   [Categorieën]  | kant
 *   Kosten         | kosten            (kosten | baten | verdeling)
 *   [Parameters]   | waarde | eenheid | omschrijving | bron | <one column per scenario: blank = as in the base case>
 *   [Effecten]     | categorie | aard | actor | van | naar | bedrag | start | duur | groei | terugval | bron | jaar 0 | jaar 1 …
 *   [Gevoeligheid] | scenario | parameter | waarde | omschrijving     (a run with several overrides has several rows)
 *
 * An effect with amounts per year leaves `bedrag` blank and fills the `jaar N` columns instead.
 */
import { CellRange, CellValue, describeValue, isBlank, isCellError } from "../cells";
import { LIMITS, formatCount } from "../model/limits";
import { ModelInput, ModelProblem, Model } from "../model/schema";

export const SECTIONS = {
  settings: "[Instellingen]",
  actors: "[Actoren]",
  categories: "[Categorieën]",
  parameters: "[Parameters]",
  effects: "[Effecten]",
  sensitivity: "[Gevoeligheid]",
} as const;

const SETTINGS = {
  name: "naam",
  title: "titel",
  description: "omschrijving",
  priceBaseYear: "prijspeil",
  firstYear: "eerste jaar",
  horizon: "looptijd",
  discountRule: "discontoregel",
  baseScenarioName: "basisscenario",
  sources: "bronnen",
} as const;

const PARAMETER_COLUMNS = ["waarde", "eenheid", "omschrijving", "bron"] as const;
const EFFECT_COLUMNS = ["categorie", "aard", "actor", "van", "naar", "bedrag", "start", "duur", "groei", "terugval", "bron"] as const;
const SENSITIVITY_COLUMNS = ["scenario", "parameter", "waarde", "omschrijving"] as const;

// ---------------------------------------------------------------------------------------------- model → cells

/** The model as a rectangular block of cells (blank = null), ready to be written to a sheet. */
export function modelToCells(model: Model): CellValue[][] {
  const rows: CellValue[][] = [];
  const m = model.metadata;
  rows.push([SECTIONS.settings, "waarde"]);
  rows.push([SETTINGS.name, m.name], [SETTINGS.title, m.title]);
  if (m.description) rows.push([SETTINGS.description, m.description]);
  rows.push([SETTINGS.priceBaseYear, m.priceBaseYear], [SETTINGS.firstYear, m.firstYear], [SETTINGS.horizon, m.horizon]);
  rows.push([SETTINGS.discountRule, m.discountRule], [SETTINGS.baseScenarioName, m.baseScenarioName]);
  if (m.sources.length > 0) rows.push([SETTINGS.sources, m.sources.join(" | ")]);

  rows.push([], [SECTIONS.actors, "gemeente"], ...model.actors.map((a) => [a.name, a.municipal]));
  rows.push([], [SECTIONS.categories, "kant"], ...model.categories.map((c) => [c.name, c.side]));

  const scenarios = model.scenarios;
  rows.push([], [SECTIONS.parameters, ...PARAMETER_COLUMNS, ...scenarios.map((s) => s.name)]);
  for (const p of model.parameters) {
    rows.push([p.key, p.value, p.unit || null, p.label || null, p.source || null, ...scenarios.map((s) => s.overrides[p.key] ?? null)]);
  }

  const yearColumns = model.effects.some((e) => e.profile?.amounts) ? m.horizon : 0;
  rows.push([], [SECTIONS.effects, ...EFFECT_COLUMNS, ...Array.from({ length: yearColumns }, (_, t) => `jaar ${t}`)]);
  for (const e of model.effects) {
    const p = e.profile;
    const years: CellValue[] = Array.from({ length: yearColumns }, () => null);
    p?.amounts?.forEach((a, i) => (years[(p.start ?? 0) + i] = a));
    const timed = e.nature !== "pm" && !p?.amounts;
    rows.push([
      e.name, e.category, e.nature, e.actor ?? null, e.from ?? null, e.to ?? null, e.amount ?? null,
      e.nature === "pm" || p?.amounts ? null : (p?.start ?? 0),
      timed ? (p?.duration ?? 1) : null,
      p?.growth ?? null, p?.dropOff ?? null, e.source ?? null, ...years,
    ]);
  }

  if (model.sensitivity.length > 0) {
    rows.push([], [SECTIONS.sensitivity, ...SENSITIVITY_COLUMNS]);
    for (const s of model.sensitivity) {
      const overrides = Object.entries(s.overrides);
      if (overrides.length === 0) rows.push([s.name, s.scenario ?? null, null, null, s.description ?? null]);
      overrides.forEach(([key, value], i) => rows.push([s.name, s.scenario ?? null, key, value, i === 0 ? (s.description ?? null) : null]));
    }
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => null)]);
}

// ---------------------------------------------------------------------------------------------- cells → model

/** A cell of the block: 0-based row and column from its top-left cell. */
export interface BlockCell {
  readonly row: number;
  readonly column: number;
}

export type CellsToModelResult =
  | {
      ok: true;
      model: ModelInput;
      locate: (path: string) => string;
      /** The cell of the block that holds a JSON path of the model (`effects[3].amount`), where the block has one. */
      cellOf: (path: string) => BlockCell | undefined;
    }
  | { ok: false; problems: ModelProblem[] };

/** The cell a problem of `cellsToModel` names ("rij 5, kolom 2"; "rij 5"), or undefined for the block as a whole. */
export function problemCell(path: string): BlockCell | undefined {
  const m = /^rij (\d+)(?:, kolom (\d+))?$/.exec(path);
  // "kolom 0" is a column whose heading is missing: the row's first cell.
  return m ? { row: Number(m[1]) - 1, column: m[2] === undefined ? 0 : Math.max(0, Number(m[2]) - 1) } : undefined;
}

/** The block's column of each field of an effect, by its heading. */
const EFFECT_FIELD_HEADING: Readonly<Record<string, string>> = {
  category: "categorie",
  nature: "aard",
  actor: "actor",
  from: "van",
  to: "naar",
  amount: "bedrag",
  source: "bron",
  "profile.start": "start",
  "profile.duration": "duur",
  "profile.growth": "groei",
  "profile.dropOff": "terugval",
  // The profile as a whole (years outside the horizon): its duration.
  profile: "duur",
};

const METADATA_SETTING: Record<string, string> = Object.fromEntries(Object.entries(SETTINGS));

/** The model file's field of each list → the heading of its column in the block (the first column holds the name). */
const BLOCK_FIELDS: Record<string, Record<string, string>> = {
  actors: { name: "naam", municipal: "gemeente" },
  categories: { name: "naam", side: "kant" },
  parameters: { key: "parameter", value: "waarde", unit: "eenheid", label: "omschrijving", source: "bron" },
  effects: {
    name: "naam", category: "categorie", nature: "aard", actor: "actor", from: "van", to: "naar", amount: "bedrag", source: "bron",
    "profile.start": "start", "profile.duration": "duur", "profile.growth": "groei", "profile.dropOff": "terugval",
  },
  sensitivity: { name: "naam", scenario: "scenario", description: "omschrijving" },
};

/**
 * The heading of the block's column (or setting) that holds a model file's path ("effects[3].category" → "categorie",
 * "metadata.horizon" → "looptijd"), so that a message placed at a cell still says which field it is about; undefined
 * for a path that is not one field of the block (a scenario's override, the model as a whole).
 */
export function blockFieldName(path: string): string | undefined {
  const meta = /^metadata\.(\w+)$/.exec(path);
  if (meta) return METADATA_SETTING[meta[1]!];
  const item = /^(actors|categories|parameters|effects|sensitivity)\[\d+\]\.(.+)$/.exec(path);
  if (!item) return undefined;
  const fields = BLOCK_FIELDS[item[1]!]!;
  return Object.prototype.hasOwnProperty.call(fields, item[2]!) ? fields[item[2]!] : undefined;
}

interface Section {
  readonly marker: string;
  readonly headerRow: number;
  readonly headings: string[];
  readonly rows: { index: number; cells: CellValue[] }[];
}

const text = (v: CellValue | undefined): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
const where = (row: number, column: number) => `rij ${row + 1}, kolom ${column + 1}`;

/** Reads a model from a block of cells; every problem names the cell (row and column within the block). */
export function cellsToModel(cells: CellRange): CellsToModelResult {
  const cellCount = cells.length * (cells[0]?.length ?? 0);
  if (cellCount > LIMITS.modelCells) {
    return {
      ok: false,
      problems: [{ path: "(modelbereik)", message: `het bereik heeft ${formatCount(cellCount)} cellen; een modelbereik heeft er hoogstens ${formatCount(LIMITS.modelCells)} — kies alleen het blok met het model` }],
    };
  }
  const problems: ModelProblem[] = [];
  const problem = (row: number, column: number, message: string) => problems.push({ path: where(row, column), message });
  const markers = Object.values(SECTIONS) as string[];

  const sections = new Map<string, Section>();
  let current: Section | undefined;
  cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (isCellError(cell)) problem(r, c, `bevat de foutwaarde ${cell.code}; vul een waarde in of herstel de formule`);
    });
    const first = text(row[0]);
    if (first.startsWith("[") && first.endsWith("]")) {
      const marker = markers.find((m) => m.toLowerCase() === first.toLowerCase());
      if (!marker) return void problem(r, 0, `onbekend onderdeel ${first}; bekend zijn ${markers.join(", ")}`);
      if (sections.has(marker)) return void problem(r, 0, `het onderdeel ${marker} staat er twee keer in`);
      current = { marker, headerRow: r, headings: row.map((h) => text(h).toLowerCase()), rows: [] };
      sections.set(marker, current);
      return;
    }
    if (row.every((v) => isBlank(v))) return;
    if (!current) return void problem(r, 0, `staat boven het eerste onderdeel; begin met ${SECTIONS.settings}`);
    current.rows.push({ index: r, cells: row });
  });
  for (const marker of [SECTIONS.settings, SECTIONS.actors, SECTIONS.categories, SECTIONS.parameters, SECTIONS.effects]) {
    if (!sections.has(marker)) problems.push({ path: "(modelbereik)", message: `het onderdeel ${marker} ontbreekt` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const column = (section: Section, heading: string): number => section.headings.indexOf(heading);
  const requireColumns = (section: Section, headings: readonly string[]) => {
    for (const h of headings) if (column(section, h) < 0) problem(section.headerRow, 0, `${section.marker}: de kolom "${h}" ontbreekt in de kopregel`);
  };
  const value = (section: Section, row: { index: number; cells: CellValue[] }, heading: string): CellValue => {
    const c = column(section, heading);
    return c < 0 ? null : (row.cells[c] ?? null);
  };
  const str = (v: CellValue): string | undefined => (isBlank(v) ? undefined : typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : undefined);
  /** A number cell, or text holding an expression; anything else is a problem. */
  const numeric = (section: Section, row: { index: number; cells: CellValue[] }, heading: string): number | string | undefined => {
    const v = value(section, row, heading);
    if (isBlank(v)) return undefined;
    if (typeof v === "number" || typeof v === "string") return typeof v === "string" ? v.trim() : v;
    problem(row.index, column(section, heading), `${heading}: ${describeValue(v)} is geen getal of rekenregel`);
    return undefined;
  };
  const integer = (section: Section, row: { index: number; cells: CellValue[] }, heading: string): number | undefined => {
    const v = value(section, row, heading);
    if (isBlank(v)) return undefined;
    if (typeof v === "number" && Number.isInteger(v)) return v;
    problem(row.index, column(section, heading), `${heading}: ${describeValue(v)} is geen geheel getal`);
    return undefined;
  };

  // Instellingen
  const settings = sections.get(SECTIONS.settings)!;
  const settingValues = new Map<string, { value: CellValue; row: number }>();
  for (const row of settings.rows) {
    const key = text(row.cells[0]).toLowerCase();
    if (!(Object.values(SETTINGS) as string[]).includes(key)) {
      problem(row.index, 0, `onbekende instelling "${text(row.cells[0])}"; bekend zijn ${Object.values(SETTINGS).join(", ")}`);
      continue;
    }
    settingValues.set(key, { value: row.cells[1] ?? null, row: row.index });
  }
  const setting = (key: string): CellValue => settingValues.get(key)?.value ?? null;
  const rule = setting(SETTINGS.discountRule);
  const metadata: Record<string, unknown> = {
    name: str(setting(SETTINGS.name)),
    title: str(setting(SETTINGS.title)),
    description: str(setting(SETTINGS.description)),
    priceBaseYear: setting(SETTINGS.priceBaseYear) ?? undefined,
    firstYear: setting(SETTINGS.firstYear) ?? undefined,
    horizon: setting(SETTINGS.horizon) ?? undefined,
    discountRule: typeof rule === "number" ? rule : str(rule),
    baseScenarioName: str(setting(SETTINGS.baseScenarioName)),
    sources: str(setting(SETTINGS.sources))?.split(" | ") ?? [],
  };

  // Actoren
  const actorSection = sections.get(SECTIONS.actors)!;
  requireColumns(actorSection, ["gemeente"]);
  const actors = actorSection.rows.map((row) => {
    const flag = value(actorSection, row, "gemeente");
    let municipal = false;
    if (flag === true || flag === 1 || (typeof flag === "string" && ["ja", "waar", "true"].includes(flag.trim().toLowerCase()))) municipal = true;
    else if (!(isBlank(flag) || flag === false || flag === 0 || (typeof flag === "string" && ["nee", "onwaar", "false"].includes(flag.trim().toLowerCase())))) {
      problem(row.index, column(actorSection, "gemeente"), `gemeente: ${describeValue(flag)}; gebruik WAAR of ONWAAR`);
    }
    return { name: text(row.cells[0]), municipal };
  });

  // Categorieën
  const categorySection = sections.get(SECTIONS.categories)!;
  requireColumns(categorySection, ["kant"]);
  const categories = categorySection.rows.map((row) => ({ name: text(row.cells[0]), side: str(value(categorySection, row, "kant"))?.toLowerCase() }));

  // Parameters and the scenario columns
  const parameterSection = sections.get(SECTIONS.parameters)!;
  requireColumns(parameterSection, ["waarde"]);
  const scenarioColumns = parameterSection.headings
    .map((h, c) => ({ name: text(cells[parameterSection.headerRow]?.[c]), c, h }))
    .filter(({ c, h }) => c > 0 && h !== "" && !(PARAMETER_COLUMNS as readonly string[]).includes(h));
  const scenarios = scenarioColumns.map(({ name }) => ({ name, overrides: {} as Record<string, number> }));
  const parameters = parameterSection.rows.map((row) => {
    const key = text(row.cells[0]);
    const v = value(parameterSection, row, "waarde");
    if (typeof v !== "number") problem(row.index, column(parameterSection, "waarde"), `waarde van "${key}": ${describeValue(v)} is geen getal`);
    scenarioColumns.forEach(({ c }, i) => {
      const o = row.cells[c] ?? null;
      if (isBlank(o)) return;
      if (typeof o === "number") scenarios[i]!.overrides[key] = o;
      else problem(row.index, c, `scenario "${scenarios[i]!.name}", parameter "${key}": ${describeValue(o)} is geen getal`);
    });
    return {
      key,
      value: typeof v === "number" ? v : 0,
      unit: str(value(parameterSection, row, "eenheid")) ?? "",
      label: str(value(parameterSection, row, "omschrijving")) ?? "",
      source: str(value(parameterSection, row, "bron")) ?? "",
    };
  });

  // Effecten
  const effectSection = sections.get(SECTIONS.effects)!;
  requireColumns(effectSection, ["categorie", "aard", "bedrag"]);
  const yearColumns = effectSection.headings
    .map((h, c) => ({ year: /^jaar (\d+)$/.exec(h)?.[1], c }))
    .filter((y): y is { year: string; c: number } => y.year !== undefined)
    .map(({ year, c }) => ({ year: Number(year), c }))
    .filter(({ year, c }) => {
      // Never allocate by a number a user typed: a year column beyond the longest possible looptijd is a problem.
      if (year < LIMITS.horizon) return true;
      problem(effectSection.headerRow, c, `de kolom "jaar ${year}" ligt buiten de langst mogelijke looptijd (jaar 0 t/m ${LIMITS.horizon - 1})`);
      return false;
    });
  const effects = effectSection.rows.map((row) => {
    const nature = str(value(effectSection, row, "aard"))?.toLowerCase();
    const effect: Record<string, unknown> = {
      name: text(row.cells[0]),
      category: str(value(effectSection, row, "categorie")),
      nature,
      actor: str(value(effectSection, row, "actor")),
      from: str(value(effectSection, row, "van")),
      to: str(value(effectSection, row, "naar")),
      amount: numeric(effectSection, row, "bedrag"),
      source: str(value(effectSection, row, "bron")),
    };
    const years = yearColumns.filter(({ c }) => !isBlank(row.cells[c] ?? null));
    if (nature !== "pm") {
      if (effect.amount === undefined && years.length > 0) {
        const first = Math.min(...years.map((y) => y.year));
        const last = Math.max(...years.map((y) => y.year));
        const amounts: (number | string)[] = [];
        for (let t = first; t <= last; t++) {
          const cell = yearColumns.find((y) => y.year === t);
          const v = cell ? (row.cells[cell.c] ?? null) : null;
          if (isBlank(v)) amounts.push(0);
          else if (typeof v === "number" || typeof v === "string") amounts.push(v);
          else problem(row.index, cell!.c, `jaar ${t}: ${describeValue(v)} is geen getal of rekenregel`);
        }
        effect.profile = { start: first, amounts };
      } else {
        effect.profile = {
          start: integer(effectSection, row, "start") ?? 0,
          duration: integer(effectSection, row, "duur") ?? 1,
          growth: numeric(effectSection, row, "groei"),
          dropOff: numeric(effectSection, row, "terugval"),
        };
        if (years.length > 0) problem(row.index, years[0]!.c, `"${effect.name}": vul óf bedrag (met start en duur), óf de bedragen per jaar in`);
      }
    }
    return stripUndefined(effect);
  });

  // Gevoeligheid
  const sensitivity: { name: string; scenario?: string; description?: string; overrides: Record<string, number> }[] = [];
  const sensitivitySection = sections.get(SECTIONS.sensitivity);
  if (sensitivitySection) {
    requireColumns(sensitivitySection, ["parameter", "waarde"]);
    for (const row of sensitivitySection.rows) {
      const name = text(row.cells[0]);
      let run = sensitivity.find((s) => s.name === name);
      if (!run) {
        run = stripUndefined({ name, scenario: str(value(sensitivitySection, row, "scenario")), description: str(value(sensitivitySection, row, "omschrijving")), overrides: {} });
        sensitivity.push(run);
      }
      const key = str(value(sensitivitySection, row, "parameter"));
      const v = value(sensitivitySection, row, "waarde");
      if (key === undefined) continue;
      if (typeof v === "number") run.overrides[key] = v;
      else problem(row.index, column(sensitivitySection, "waarde"), `gevoeligheid "${name}", parameter "${key}": ${describeValue(v)} is geen getal`);
    }
  }

  if (problems.length > 0) return { ok: false, problems };

  // Where a JSON path of the model lies in the block, so that validation messages can name the row.
  const rowsOf: Record<string, number[]> = {
    actors: actorSection.rows.map((r) => r.index),
    categories: categorySection.rows.map((r) => r.index),
    parameters: parameterSection.rows.map((r) => r.index),
    effects: effectSection.rows.map((r) => r.index),
    sensitivity: sensitivity.map((s) => sensitivitySection!.rows.find((r) => text(r.cells[0]) === s.name)!.index),
  };
  const locate = (path: string): string => {
    const item = /^(actors|categories|parameters|effects|sensitivity)\[(\d+)\]/.exec(path);
    const row = item ? rowsOf[item[1]!]?.[Number(item[2])] : undefined;
    if (row !== undefined) return `rij ${row + 1}`;
    const scenario = /^scenarios\[(\d+)\]/.exec(path);
    if (scenario) return `kolom ${scenarioColumns[Number(scenario[1])]!.c + 1}`;
    const meta = /^metadata\.(\w+)/.exec(path);
    const settingRow = meta ? settingValues.get(METADATA_SETTING[meta[1]!] ?? "")?.row : undefined;
    if (settingRow !== undefined) return `rij ${settingRow + 1}`;
    return meta ? `${SECTIONS.settings} ${METADATA_SETTING[meta[1]!] ?? meta[1]}` : path;
  };
  const columnOr0 = (section: Section, heading: string | undefined) => (heading === undefined ? 0 : Math.max(0, column(section, heading)));
  const cellOf = (path: string): BlockCell | undefined => {
    const m = /^(actors|categories|parameters|effects|sensitivity|scenarios)\[(\d+)\](?:\.(.*))?$/.exec(path);
    const meta = /^metadata\.(\w+)/.exec(path);
    if (meta) {
      const settingRow = settingValues.get(METADATA_SETTING[meta[1]!] ?? "")?.row;
      return settingRow === undefined ? { row: settings.headerRow, column: 0 } : { row: settingRow, column: 1 };
    }
    if (!m) return undefined;
    const [, list, indexText, rest = ""] = m;
    const index = Number(indexText);
    if (list === "scenarios") {
      const scenarioColumn = scenarioColumns[index]?.c;
      if (scenarioColumn === undefined) return undefined;
      const key = /^overrides\.(.+)$/.exec(rest)?.[1];
      const parameterRow = key === undefined ? undefined : parameterSection.rows.find((r) => text(r.cells[0]) === key)?.index;
      return { row: parameterRow ?? parameterSection.headerRow, column: scenarioColumn };
    }
    if (list === "sensitivity") {
      const run = sensitivity[index];
      if (!run || !sensitivitySection) return undefined;
      const rows = sensitivitySection.rows.filter((r) => text(r.cells[0]) === run.name);
      const key = /^overrides\.(.+)$/.exec(rest)?.[1];
      const row = (key === undefined ? undefined : rows.find((r) => str(value(sensitivitySection, r, "parameter")) === key)) ?? rows[0];
      if (!row) return undefined;
      return { row: row.index, column: key !== undefined ? columnOr0(sensitivitySection, "waarde") : rest === "scenario" ? columnOr0(sensitivitySection, "scenario") : 0 };
    }
    const row = rowsOf[list!]?.[index];
    if (row === undefined) return undefined;
    if (list === "actors") return { row, column: rest === "municipal" ? columnOr0(actorSection, "gemeente") : 0 };
    if (list === "categories") return { row, column: rest === "side" ? columnOr0(categorySection, "kant") : 0 };
    if (list === "parameters") {
      const headings: Record<string, string> = { value: "waarde", unit: "eenheid", label: "omschrijving", source: "bron" };
      return { row, column: columnOr0(parameterSection, headings[rest]) };
    }
    const year = /^profile\.amounts\[(\d+)\]/.exec(rest);
    if (year) {
      const effect = effects[index] as { profile?: { start?: number } };
      const c = yearColumns.find((y) => y.year === (effect.profile?.start ?? 0) + Number(year[1]))?.c;
      return { row, column: c ?? 0 };
    }
    const field = Object.keys(EFFECT_FIELD_HEADING).find((f) => rest === f || rest.startsWith(`${f}.`) || rest.startsWith(`${f}[`));
    return { row, column: columnOr0(effectSection, field === undefined ? undefined : EFFECT_FIELD_HEADING[field]) };
  };
  return {
    ok: true,
    locate,
    cellOf,
    model: { schemaVersion: 1, metadata: stripUndefined(metadata), parameters, actors, categories, effects, scenarios, sensitivity } as unknown as ModelInput,
  };
}

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
