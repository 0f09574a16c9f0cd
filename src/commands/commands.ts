/*
 * Ribbon commands (lintopdrachten). The MKBA button opens the task pane through the manifest's ShowTaskpane
 * action; function commands will be associated here when the ribbon gets them.
 */
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to associate yet: the only ribbon button shows the task pane.
  });
}
