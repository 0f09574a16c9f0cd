/*
 * The task pane (taakvenster). In this first version it explains the functions and the discount rules;
 * the model forms, examples and workbook layout come with the task-pane issue. It runs in the same
 * shared runtime as the custom functions.
 */
import { DEFAULT_DISCOUNT_RULE_ID, DISCOUNT_RULES } from "../engine/discounting";
import "./taskpane.css";

const FUNCTION_EXAMPLES: readonly { formula: string; text: string }[] = [
  {
    formula: "=MKBA.NCW(B2:K2; 2,25%)",
    text: "Netto contante waarde van bedragen per jaar; de eerste cel (jaar 0) wordt niet verdisconteerd.",
  },
  {
    formula: '=MKBA.RATIO(B3:K3; B4:K4; "2021")',
    text: "Baten-kostenratio: NCW van de baten gedeeld door de NCW van de kosten.",
  },
  {
    formula: '=MKBA.SCENARIO(Invoer; "Scenario 2"; "saldo")',
    text: "Saldo, baten, kosten, een ratio of de tabel per actor van een heel MKBA-model dat in de werkmap staat (maak een voorbeeldwerkmap met: npx mkba werkmap --example almere -o almere.xlsx).",
  },
];

export function renderTaskPane(doc: Document): void {
  const list = doc.getElementById("function-list");
  if (list) {
    list.replaceChildren(
      ...FUNCTION_EXAMPLES.map(({ formula, text }) => {
        const item = doc.createElement("li");
        const code = doc.createElement("code");
        code.textContent = formula;
        const p = doc.createElement("p");
        p.textContent = text;
        item.append(code, p);
        return item;
      }),
    );
  }
  const rows = doc.getElementById("rule-rows");
  if (rows) {
    rows.replaceChildren(
      ...DISCOUNT_RULES.map((rule) => {
        const tr = doc.createElement("tr");
        const name = doc.createElement("td");
        name.textContent = `"${rule.id}"`;
        const label = doc.createElement("td");
        label.textContent = rule.id === DEFAULT_DISCOUNT_RULE_ID ? `${rule.label} (standaard)` : rule.label;
        if (rule.id === DEFAULT_DISCOUNT_RULE_ID) tr.className = "default";
        tr.append(name, label);
        return tr;
      }),
    );
  }
}

function setStatus(doc: Document, text: string): void {
  const status = doc.getElementById("status");
  if (status) status.textContent = text;
}

renderTaskPane(document);
if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    setStatus(
      document,
      info.host === Office.HostType.Excel
        ? "Verbonden met Excel. De functies MKBA.NCW, MKBA.RATIO, MKBA.SCENARIO en verder zijn beschikbaar."
        : "Niet in Excel geopend: de functies werken alleen in een werkmap.",
    );
  });
} else {
  setStatus(document, "Office.js is niet geladen.");
}
