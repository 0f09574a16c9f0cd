/*
 * The task pane's entry: renders the Fluent UI app (App.tsx) with the Office.js gateway. It runs in the shared
 * runtime with the custom functions; outside Excel (no `Excel`), it renders and says how to side-load the add-in.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelGateway } from "../office/excelGateway";
import { App } from "./App";
import type { Language } from "./i18n";

function storedLanguage(): Language {
  try {
    return localStorage.getItem("mkba.taal") === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

function render(): void {
  const container = document.getElementById("app");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={new ExcelGateway()} initialLanguage={storedLanguage()} />
    </FluentProvider>,
  );
}

// Office.onReady fires inside Excel and, with office.js loaded in a plain browser, with host null.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") void Office.onReady(() => render());
else render();
