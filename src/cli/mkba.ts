/**
 * `mkba` — the MKBA add-in's functions and models on the command line (opdrachtregel).
 * Exit codes: 0 an answer (an Excel error value is an answer too), 2 misuse of the CLI itself.
 */
import packageJson from "../../package.json";
import { UsageError } from "./args";
import { runExample, runRun, runWerkmap } from "./run";
import { CliIO } from "./io";

export const HELP = `mkba ${packageJson.version} — MKBA-invoegtoepassing voor Excel, op de opdrachtregel

Gebruik / usage:
  mkba fn NAAM ARG...      Evalueer functie MKBA.NAAM (NCW, RATIO, SCENARIO, …) zoals Excel dat doet.
                           Elk argument is JSON: getal, "tekst", true/false, null (lege cel of weggelaten),
                           {"error":"#N/A"} (foutwaarde) of een 2-D-lijst (bereik, rijen van cellen).
                           Uitvoer: JSON — een getal, een 2-D-lijst, of {"error":"#VALUE!","message":"…"}.
  mkba fn --batch          Lees per regel {"fn":"NCW","args":[...]} van standaardinvoer; één resultaat per regel.
  mkba run BESTAND | --example NAAM [--scenario NAAM] [--eenheid 1|1000] [--json]
                           Reken een MKBA-model (*.mkba.json) door: tabel per actor, saldo, ratio's,
                           scenario's en gevoeligheidsanalyse. Voorbeelden: almere, zoetermeer-zmp.
  mkba example NAAM [-o BESTAND] [--overschrijven]
                           Schrijf het modelbestand van een voorbeeld.
  mkba werkmap BESTAND | --example NAAM -o UIT.xlsx [--overschrijven]
                           Schrijf het model als Excel-werkmap: blad Invoer (het model in de werkmapindeling,
                           benoemd bereik "Invoer") en blad Uitvoer met MKBA.SCENARIO-formules.
  mkba audit BESTAND | --example NAAM -o UIT.xlsx [--overschrijven]
                           Schrijf een controlewerkmap: de hele berekening als gewone Excel-formules (blad
                           Rekenblad, zonder MKBA-functies) en blad Controle met elke uitkomst naast de rekenkern.
  mkba gevoeligheid BESTAND | --example NAAM [--uitkomst saldo|ratio|…] [--bereik 20] [--scenario NAAM] [--json]
                           Tornado: de uitkomst bij een lage en een hoge waarde van elke parameter (standaard ±20%),
                           gesorteerd op invloed, met het omslagpunt (saldo 0 of ratio 1) van elke parameter.
  mkba montecarlo BESTAND | --example NAAM [--runs 10000] [--seed 1] [--lhs] [--scenario NAAM] [--json]
                           Monte Carlo: percentielen van saldo en ratio's, P(saldo > 0), gemiddelde ± standaardfout
                           en een histogram; verdelingen uit het model, anders standaard driehoek ±20%.
  mkba registratie BESTAND [--model MODEL] [--vergelijking BESTAND] [--casussen BESTAND] [--fte N] [--json] [-o UIT.mkba.json]
                           MKBA 2.0 en 3.0 uit de eigen registratie (.csv of .xlsx, formaat: docs/registratie.md):
                           plan (1.0) tegen registratie (2.0), de effectmeting tegen een vergelijkingsgebied
                           (3.0) en de casusanalyse. Direct identificerende gegevens (BSN, naam, adres, geboortedatum)
                           worden geweigerd; aantallen onder 10 worden onderdrukt (--drempel).
  mkba registratie --genereer -o UIT.csv|UIT.xlsx [--huishoudens 400] [--seed 1]
                           Schrijf een synthetische registratie (geen echte personen) om mee te oefenen.
  mkba demo                De functies op ingebouwde voorbeelden (zonder Excel).
  mkba --help | --version

Voorbeeld / example:
  mkba fn NCW '[[-1000],[300],[400],[500]]' 0.055      → 69.5479879509441

Bestanden: een bestaand bestand wordt alleen vervangen met --overschrijven (of --force); er wordt eerst naar een
tijdelijk bestand geschreven, zodat een volle schijf het oorspronkelijke bestand heel laat.

Exit: 0 = antwoord (ook een Excel-foutwaarde), 2 = verkeerd gebruik (onbekende functie of optie, ongeldige JSON,
een bestand dat niet geschreven of gelezen kan worden).
Documentatie: docs/functions.md
`;

/**
 * `run`, `example` and `werkmap` are in the CLI's bundle; every other command is a chunk of its own (dist/cli/), loaded
 * when it is asked for, so that a start — `mkba run` above all — neither reads nor compiles their code.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(HELP);
        return 0;
      case "--version":
      case "-v":
        io.stdout(`${packageJson.version}\n`);
        return 0;
      case "fn":
        return await (await import(/* webpackChunkName: "fn" */ "./fn")).runFn(rest, io);
      case "demo":
        return (await import(/* webpackChunkName: "demo" */ "./demo")).runDemo(io);
      case "run":
        return runRun(rest, io);
      case "example":
        return runExample(rest, io);
      case "werkmap":
        return await runWerkmap(rest, io);
      case "audit":
        return await (await import(/* webpackChunkName: "audit" */ "./audit")).runAudit(rest, io);
      case "gevoeligheid":
        return (await import(/* webpackChunkName: "gevoeligheid" */ "./gevoeligheid")).runGevoeligheid(rest, io);
      case "registratie":
        return await (await import(/* webpackChunkName: "registratie" */ "./registratie")).runRegistratie(rest, io);
      case "montecarlo":
        return (await import(/* webpackChunkName: "montecarlo" */ "./montecarlo")).runMontecarlo(rest, io);
      default:
        throw new UsageError(`onbekende opdracht "${command}"; zie mkba --help.`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`mkba: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}
