/** The LPBL MKBA-tool sociale wijkteams as a model type: inputs, key figures, model generator, output screens. */
export * from "./inputs";
export * from "./keyFigures";
export * from "./model";
export * from "./outputs";
export * from "./runningApproach";
