<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArtifactDiffModel</name>
    <message>
        <source>Same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File ↔ folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArtifactDiffView</name>
    <message>
        <source>Only differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither run has artifacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The artifacts are identical. Select a file to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) differ. Select a file to compare it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Artifacts of &lt;b&gt;%1&lt;/b&gt; (left) and &lt;b&gt;%2&lt;/b&gt; (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the artifacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two runs to compare their artifacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file in one run and a folder in the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is only in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArtifactPreview</name>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SVG cannot be drawn (it is not well-formed SVG); its source is shown instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArtifactTreeModel</name>
    <message>
        <source>%1 (broken link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (link not followed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link whose target does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link to a folder above it, or to a folder that cannot be read: not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Artifacts</name>
    <message>
        <source>Comparing the artifacts was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature&apos;s %1 are not a JSON list: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLmodel is not a YAML mapping of keys to values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLmodel is %1 bytes, too large to be a model description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLmodel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %L1 lines of each side are compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 of each side are compared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Artifacts::CsvLoader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Artifacts::CsvTableModel</name>
    <message>
        <source>Column %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Artifacts::Location</name>
    <message>
        <source>The artifacts are in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in a remote artifact store, not available offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No artifact folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No artifact folder at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No artifact folder at %1 (also looked in %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder where the tracking server keeps this store&apos;s artifacts (its --artifacts-destination).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has no artifact location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kaizen cannot read the artifact location %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Artifacts::PreviewLoader</name>
    <message>
        <source>The file is not valid UTF-8: bytes that are not are shown as �.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is named like %1 but holds binary data (NUL bytes or control characters); its bytes are shown instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1, larger than %2 that are shown formatted: it is shown as plain text, page by page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is too large to decode (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be decoded (%1); its bytes are shown instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2, which does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file in it to preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, socket or pipe).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Artifacts::StructuredText</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Artifacts::TextPager</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArtifactsPage</name>
    <message>
        <source>Back to the Current Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the artifacts of %1 and %2…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArtifactsPane</name>
    <message>
        <source>Choose Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local folder that holds this store&apos;s mlflow-artifacts: files (the tracking server&apos;s --artifacts-destination)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the artifacts of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The artifacts of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the Store&apos;s mlflow-artifacts: Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;Artifacts with Another Run…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeConfirmDialog</name>
    <message>
        <source>Confirm Registry Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to %1 in one transaction; Edit › Undo reverts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell what to write from the name %1: use .png, .svg or .csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Filter keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the metric keys that contain this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the metrics to plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size:large&quot;&gt;No runs selected&lt;/p&gt;&lt;p&gt;Select runs in the Runs tab to plot their metrics.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected run has no metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected runs have no metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check metrics in the list on the left to plot them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no chart to export.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartsToolBar</name>
    <message>
        <source>X axis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the x axis shows: the step, the time of day, or the time since each run started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential moving average weight (0: raw values); the raw line stays faint behind the smoothed one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic y axis; values ≤ 0 are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore &amp;Outliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the y axis to the 5th–95th percentile of the values, so that spikes do not flatten the curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Combine Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw all checked keys in one chart, a line style per key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom and pan the x axis of all charts together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole curves in every chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the focused chart (or the first) as PNG or SVG, or the data of every shown curve as CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>run %1 has no metric %2; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to plot: none of the runs has those metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registered model named &apos;%1&apos; in this store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERSION must be a positive number, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STORE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STORE MODEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STORE MODEL VERSION STAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delete STORE MODEL ALIAS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STORE MODEL ALIAS VERSION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected --delete STORE MODEL [VERSION] KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected STORE MODEL [VERSION] KEY VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected STORE MODEL [VERSION] TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected exactly one STORE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected STORE RUN_ID METRIC_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one --run RUN_ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one --metric KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the file to write with -o FILE (.png, .svg or .csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-o FILE must end in .png, .svg or .csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either STORE RUN_ID... or --run STORE:RUN_ID..., not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--run needs STORE:RUN_ID, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected STORE RUN_ID RUN_ID... or --run STORE:RUN_ID at least twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected STORE RUN_ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the PATH of the demo store to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STORE is an MLflow SQLite file (mlflow.db, mlruns.db), an mlruns/ folder (MLflow&apos;s file store),
or a sqlite:///path or file:// URI.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 success, 2 bad arguments, 3 the store (or a run&apos;s artifacts) cannot be read,
4 a registry write was refused (nothing written).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STAGE is None, Staging, Production or Archived (any case).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transition, alias, tag and describe write the registry: naming the command is the consent.
COMMAND --help prints a command&apos;s options; --version prints Kaizen&apos;s version.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print this help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos; (use table, json, markdown or csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos; (use table, tsv or json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diff has no tsv format (use table, json, markdown or csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--busy-timeout needs a number of milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown x axis &apos;%1&apos; (use step, wall or relative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--smoothing needs a number from 0 to 0.99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT in pixels, e.g. 1600x900 (100 to 20000 each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown decimation &apos;%1&apos; (use m4 or none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prints json or table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no such file or folder either)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--experiment may be given once when opening the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at most one COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;kaizen --help&apos; for the commands.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>&amp;Go to Anything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to a run, experiment, metric, model or menu action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a run, experiment, metric, registered model or menu action by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to move · Enter to go · Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to go to: open a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPaletteModel</name>
    <message>
        <source>Action</source>
        <translation type="unfinished">Aktion</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDetail</name>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · compared as numbers (&quot;0.0010&quot; equals &quot;1e-3&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other runs are diffed against this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same as in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Only &amp;Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the parameters and tags whose values differ between the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;mlflow.* Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show MLflow&apos;s own tags (mlflow.source.name, mlflow.user …) too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Diff as &amp;Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the parameters, metrics and tags as shown, as Markdown tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Diff as &amp;CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the table shown (parameters, metrics or tags) as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin to Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the selected runs as columns while you select other runs or open another store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unpin All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare only the runs selected in the Runs tab again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the artifacts of the baseline (else the first run) and the next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run: the other runs show their differences from it (absolute and %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use “%1” as Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin “%1” to Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Artifacts of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePlotsPane</name>
    <message>
        <source>Parallel Coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;Brushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the ranges selected on the parallel coordinates&apos; axes and show every run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Plot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plot shown as PNG or SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the params and metrics to draw as axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The param or metric along the x axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metric along the y axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no plot to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareTablesPane</name>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell to see its whole value and how it differs from the first run&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of %3 differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower Is Better (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher Is Better (max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonMessages</name>
    <message>
        <source>its store %1 is not there any more (moved or deleted?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer holds this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pinned): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two or more runs in the Runs tab (Ctrl+click or Shift+click) to compare their parameters, metrics and tags side by side. Pin runs (Ctrl+Shift+P) to compare them with runs of another store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One run pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” from %2 stays here. Select runs in the Runs tab — of this store or of another one (File › Open) — to compare them with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One run selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select at least one more run in the Runs tab to compare them, or %1 and open another store to compare it with runs there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of these %2 runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runs could not be compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing %1 runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading their parameters, tags and metric histories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of the %2 runs could be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out (could not be read): </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurveChartAxes</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurveChartView</name>
    <message>
        <source>Wheel: zoom x (Ctrl: y) · Drag: pan · Shift+drag: zoom to a box · Double-click or Home: reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n curve(s) have values ≤ 0, which the log scale cannot show; they are skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Metric curves exported by Kaizen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurveMath</name>
    <message>
        <source>h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>%1 exists; pass --force to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder that holds no MLflow file store; Kaizen does not replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DescriptionDialog</name>
    <message>
        <source>Describe this in Markdown: **bold**, `code`, lists, links…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the description (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown on the left, as MLflow shows it on the right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiffItemDelegate</name>
    <message>
        <source>▲ max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExperimentListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifacts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExperimentPane</name>
    <message>
        <source>No experiment “%1” in this store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdenticalFileModel</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdenticalFilesDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identical Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a file to show its run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Searching the artifacts of %1 of %n run(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Runs holding a file identical to &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run of this store holds an identical file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n identical file(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) without an artifact folder on this machine were skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageDiffView</name>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 %: the left image only; 100 %: the right image only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <source>%1 × %2 px · %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>&amp;Follow Store Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show new runs and points while another program writes to the store (uncheck to pause)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>● %n running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⏸ %n running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Runs of the shown experiments that are still running; Kaizen shows their new points as they are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following store changes is paused (View › Follow Store Changes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kaizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Read Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Read Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Compare Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Export Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Compare (%n pinned)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The window, its panes, columns and view options are as at first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open MLflow Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLflow SQLite stores (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open MLflow File Store (mlruns Folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Kaizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · registry changes allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry changes are written to the store (Registry › Allow Changes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kaizen does not write to the store; Registry › Allow Changes turns registry writes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Store Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an MLflow store. Open a store first, then drop a file on the window to find the runs whose artifacts hold an identical copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an MLflow tracking database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open an mlruns folder (MLflow&apos;s file store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Close the store whose runs show; the other open stores stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen Stores at &amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the stores that were open when Kaizen closed, unless the command line names stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run A&amp;rtifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>Put the window, its panes, the run table&apos;s columns and the view options back as they were at first (open stores and pinned runs stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gistry</source>
        <translation>Re&amp;gistry</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Kaizen</source>
        <translation>Ü&amp;ber Kaizen</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Tool Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kaizen %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for MLflow experiments: it opens MLflow&apos;s stores directly, read-only unless you allow registry changes.&lt;/p&gt;&lt;p&gt;Kaizen uses:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2 (Widgets, Charts, Concurrent, Svg): GNU LGPL version 3&lt;/li&gt;&lt;li&gt;SQLite %3: public domain&lt;/li&gt;&lt;li&gt;yaml-cpp: MIT licence&lt;/li&gt;&lt;li&gt;dtl (diff template library): BSD licence&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;MLflow is a trademark of LF Projects; Kaizen is not affiliated with it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Kaizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an MLflow store to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading (what is shown so far stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricDiffModel</name>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (min %1, max %2, best @ %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min %1 @ %2 · max %3 @ %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest %1 at step %2
%3
Best (%4) at step %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best run of this metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricKeyListModel</name>
    <message>
        <source>Logged by the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged by all %1 selected runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged by %1 of %2 selected runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, one value each</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MlModelPreview</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(tensor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLflow version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flavors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model was logged without a signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requirements.txt, conda.yaml or python_env.yaml beside MLmodel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelHealthChart</name>
    <message>
        <source>Evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered versions&apos; runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs retraining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run of this model has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over time: 1 run past the threshold, needs retraining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over time: %2 runs past the threshold, needs retraining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (registered as %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (evaluation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past the threshold: needs retraining</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelHealthPane</name>
    <message>
        <source>Needs retraining when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>falls below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rises above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the runs of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run of this store is linked to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: %1 from versions, %2 evaluations tagged model_name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelVersionTableModel</name>
    <message>
        <source>%1
Stored at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (the source run of logged model %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered from a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 version %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Cannot Read Model Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an MLflow store to see its model registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage Lanes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter models: name LIKE &apos;churn%&apos; AND tags.team = &apos;risk&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write registry changes to this store (it opens read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale After…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a version may sit in a stage before it shows amber (red at twice that)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the model registry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store&apos;s model registry holds no registered models yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model registry in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*No description.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Tags:** %1

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Source:** `%1`

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Logged model:** %1 (`%2`), from run `%3`

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Aliases:** %1

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 here since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stale after %n day(s) (amber), red at twice that</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Set an age limit with Stale After…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days a version of %1 may sit in a stage before it shows amber (0: never):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store Stays Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Record the Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written; the page now shows what the store holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Change %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PagerBar</name>
    <message>
        <source>⏮ First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last ⏭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes %1 – %2 of %3 (%4 %)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParallelCoordinatesView</name>
    <message>
        <source>%1 (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check params and metrics in the list to draw them as axes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>param</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag along the axis to select a range; click it to clear.
Keys: Left/Right choose an axis, Up/Down slide a range, Shift+Up/Down stretch it, Delete clears it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParamDiffModel</name>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared as numbers: &quot;0.0010&quot; equals &quot;1e-3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against the baseline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared runs exported by Kaizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell what to write from the name %1: use .png or .svg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Select a second run (Ctrl+click in the run table) to compare its artifacts with this run&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>experiment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logged by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisteredModelListModel</name>
    <message>
        <source>No version in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest version in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@%1: version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest version in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryActions</name>
    <message>
        <source>To &amp;Staging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To &amp;Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To &amp;Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To &amp;None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the current version to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set A&amp;lias…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Version &amp;Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Version &amp;Description…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Model Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Model D&amp;escription…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (turn on Allow Changes first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Alias @%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Model Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 version %2 to %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the other versions in %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias for %1 version %2 (an alias on another version moves here):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1 version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of %1 version %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryActivityLog</name>
    <message>
        <source>Cannot write the registry activity log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the registry activity log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryActivityModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryFilter</name>
    <message>
        <source>Expected a comparison after AND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OR is not supported: combine comparisons with AND only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected &apos;%1&apos;: expected AND or the end of the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected name or tags.&lt;key&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote only a tag&apos;s key, as in tags.`my key`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown attribute &apos;%1&apos;: registered models can be filtered by name and tags.&lt;key&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown entity &apos;%1&apos;: use name or tags.&lt;key&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quoted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a key after &apos;%1.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected &apos;%1&apos; after a quoted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator %1 cannot be used with &apos;%2&apos;: use =, !=, LIKE or ILIKE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an operator: use &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a comparison operator after &apos;%1&apos;, found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a comparison operator after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a quoted string after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a quoted string after &apos;%1&apos; (like &apos;my-model&apos;), found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryFormat</name>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed registration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryPlanner</name>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model Version (name=%1, version=%2) not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Model Version stage: %1. Value must be one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model version transition cannot archive existing model versions because &apos;%1&apos; is not an Active stage. Valid stages are [&apos;%2&apos;, &apos;%3&apos;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, archiving version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, archiving versions %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1 to version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model alias %1 not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete alias %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set tag %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tag %1 on %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tag %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the description of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stays in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1: stays on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1: %2 → (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stays %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryWriter</name>
    <message>
        <source>Writing to %1 is turned off; turn it on to change the registry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunColumnsMenu</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the columns of the run table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All Columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDetailsModel</name>
    <message>
        <source>Run ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at step %2, logged %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The datasets of this run could not be read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 version %2 was registered from this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDetailsView</name>
    <message>
        <source>&lt;b&gt;Note&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;No run selected&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDiff</name>
    <message>
        <source> (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no run &apos;%1&apos; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDiffHeader</name>
    <message>
        <source>pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Run %2
Experiment: %3
Store: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned: stays while you select other runs or open another store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunFormat</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunLoader</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunOrdering</name>
    <message>
        <source>Invalid order_by clause &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs cannot be ordered by datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected ASC or DESC, found &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 is already ordered by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1
Experiment: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment: %1
ID: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <source>Could not open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Show &amp;Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show deleted experiments and runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&quot;font-size:large&quot;&gt;No store open&lt;/p&gt;&lt;p&gt;Open an MLflow tracking database with &lt;b&gt;File &amp;gt; Open…&lt;/b&gt;, an &lt;tt&gt;mlruns&lt;/tt&gt; folder with &lt;b&gt;File &amp;gt; Open Folder…&lt;/b&gt;, or drop either here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No experiment selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading runs… %1 of the first %2 match the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading runs… showing the first %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading cancelled: showing the first %1 runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 1 run matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 runs match the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stores · %2 experiments · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 experiments · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered by the brush in the Compare tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScatterView</name>
    <message>
        <source>%1 against %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchFilter</name>
    <message>
        <source>Expected a comparison after AND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OR is not supported: combine comparisons with AND only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected &apos;%1&apos;: expected AND or the end of the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset filters (%1) are not supported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only run_id can be compared with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator %1 cannot be used with &apos;%2&apos;: use %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a comparison operator after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an operator: use &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected IN after NOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected NULL or NOT NULL after IS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected NULL after IS NOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a comparison operator after &apos;%1&apos;, found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a number after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a number after &apos;%1&apos;, not a quoted string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a number after &apos;%1&apos;, found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a quoted string after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a quoted string after &apos;%1&apos; (like &apos;adam&apos;), found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a list in parentheses after &apos;%1&apos;, like (&apos;a&apos;, &apos;b&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list after %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated list: no closing )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected , or ) in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated %1: no closing %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a key such as metrics.accuracy, params.lr or status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quoted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a key such as metrics.accuracy, params.lr or status, found &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown entity &apos;%1&apos;: use metrics, params, tags, attributes or datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a key after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected &apos;%1&apos; after a quoted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown attribute &apos;%1&apos;: use run_id, run_name, status, user_id, artifact_uri, start_time or end_time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown dataset key &apos;%1&apos;: use name, digest or context</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchFilterEdit</name>
    <message>
        <source>Filter runs: metrics.acc &gt; 0.9 AND params.optimizer = &apos;adam&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLflow search syntax: comparisons on metrics.&lt;key&gt;, params.&lt;key&gt;, tags.&lt;key&gt; and attributes (status, run_name, start_time ...) joined with AND.
Applies on Enter or when you stop typing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutListModel</name>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter: an action, a key or a menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts › a chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare › parallel coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next tab, previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next view, previous view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in, zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan left, pan right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous axis, next axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush and slide a range up, down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch the range up, down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the axis&apos;s range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear every range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match, next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageLaneModel</name>
    <message numerus="yes">
        <source>%n version(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 version %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Listing the artifacts was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No artifact folder at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the folder %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model registry is shown read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid tag name: &apos;%1&apos;. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid tag name: &apos;%1&apos;. Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; exceeds the maximum length of %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 cannot be written (%2), and SQLite keeps its journal there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 cannot be written, and SQLite keeps its journal there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: database server stores are not supported yet; open an MLflow SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a store location Kaizen can open (expected an MLflow database file, an mlruns folder, or a sqlite:/// or file:// URI).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::Demo::DemoWriter</name>
    <message>
        <source>Cannot write the demo artifact %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::DemoStore</name>
    <message>
        <source>Invalid options for a synthetic store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::FileLock</name>
    <message>
        <source>Cannot create the lock file %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Kaizen is writing to this registered model (it holds %1) and did not finish within %2 ms; nothing was changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::FileStore</name>
    <message>
        <source>The store folder %1 is gone or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: line %2 of metric %3 does not parse; the line is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the metrics was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read metric %1 of run %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: a line appended to metric %2 does not parse; the line is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model folder %1 has no readable meta.yaml: skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model %1 not found in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was opened read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered Model with name=%1 not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no run folder: skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the runs was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No experiment %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist or is no folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder but not an MLflow store: it holds no experiment folder (&lt;id&gt;/meta.yaml), no .trash and no models/ folder. Open an mlruns folder or an MLflow database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problems.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No run %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder %1 is no experiment (it has no readable meta.yaml): skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment folder %1: its meta.yaml does not parse (%2): skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder %1 is no run (it has no readable meta.yaml): skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder %1: its meta.yaml does not parse (%2): skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder %1: its meta.yaml has no run_id: skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder %1: its meta.yaml names run %2: skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder %1: its meta.yaml belongs to experiment %2: skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 uses dataset %2, which its experiment does not hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a YAML mapping</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::FileStoreWriter</name>
    <message>
        <source>The export to %1 was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file; a file store is written into a new or empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty (it holds %2); a file store is written into a new or empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &apos;%1&apos; of %2 cannot be a file name in an MLflow file store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiment id &apos;%1&apos; cannot be a folder name in an MLflow file store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>experiment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run &apos;%1&apos; of experiment %2 cannot be written as a folder of an MLflow file store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &apos;%1&apos; of run %2 cannot be a file name in an MLflow file store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registered model &apos;%1&apos; cannot be a folder of an MLflow file store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alias &apos;%1&apos; of %2 cannot be a file name in an MLflow file store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 of registered model %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::FileTransaction</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its folder cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::FolderChange</name>
    <message>
        <source>Cannot read %1 (%2); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::RegistryRules</name>
    <message>
        <source>Registered model %1 changed since you looked: %2. Nothing was changed; look again and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model Version (name=%1, version=%2) not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 is in %2 now, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the description of version %1 was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its description was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store&apos;s MLflow has no aliases (they came with MLflow 2.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alias %1 was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alias %1 points to version %2 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store&apos;s MLflow has no registry tags (they came with MLflow 1.10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag %1 of %2 was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag %1 of %2 was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag %1 of %2 was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model alias name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid alias name: &apos;%1&apos;. Names may only contain alphanumerics, underscores (_), and dashes (-).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model alias name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;latest&apos; alias name (case insensitive) is reserved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version alias name &apos;%1&apos; is reserved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid Model Version stage: %1. Value must be one of None, Staging, Production, Archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change moves version %1 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change sets alias %1 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1 cannot point to version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change sets tag %1 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change sets a description twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::RegistryTransaction</name>
    <message>
        <source>Registered Model with name=%1 not found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::SqliteErrors</name>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an empty file, not an MLflow database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a SQLite database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is truncated: its SQLite header is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is truncated: it holds %2 bytes but its header says %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked by another program writing to it (waited %2 s). Try again when the writer has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (SQLite: %2). Restore it from a backup or ask SQLite&apos;s .recover to rescue a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked by another program writing to it (waited %2 s). Nothing was changed; try again when the writer has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite cannot write to %1 (%2). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to %1: %2. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::SqliteStore</name>
    <message>
        <source>No model registry in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered model %1 not found in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was opened read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer MLflow (schema revision %2) than Kaizen knows, so Kaizen does not write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite cannot open %1 for writing (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite can open %1 only read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite cannot prepare %1 for writing (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite cannot write to %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment ids in a SQL store are numbers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a SQLite database but not an MLflow tracking store (it has no experiments and runs tables).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store was written by a newer MLflow (schema revision %1) than Kaizen knows. It is open read-only; unknown tables and columns are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an MLflow tracking store: its runs table has no %2 column.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::StagedFolder</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a folder in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: it exists already. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was staged for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace the empty folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the written store to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move %1 into %2; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store::StoreBuilder</name>
    <message>
        <source>%1 already exists; a new store needs a new file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: the folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MLflow schema resource %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot log dataset %1 as input of run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no such dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add logged model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A logged model needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no run %1 to take the experiment from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no experiment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: experiment %1 is deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, param %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set tag %1 of logged model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no such logged model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot log model %1 as output of run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no such run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: the run is deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add registered model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set tag %1 of registered model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add a version of registered model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 is not a stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 is not a model version status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set tag %1 of version %2 of registered model %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move version %1 of registered model %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: not a stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: cannot archive existing versions because %1 is not an active stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no such version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set alias %1 of registered model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: not a valid alias name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: version %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete alias %1 of registered model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no such registered model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete version %1 of registered model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot describe registered model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot describe version %1 of registered model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no logged model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 names no version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 names no logged model and no model version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add experiment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An experiment needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set tag %1 of experiment %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete experiment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: no such experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add a run to experiment %1: no such experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add a run to experiment %1: it is deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add run %1: its name and its tag mlflow.runName (%2) differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot log param %1 of run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot log param %1 of run %2: changing param values is not allowed (%3 -&gt; %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rename run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set tag %1 of run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot log metric %1 of run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot log metric %1 of run %2: %3 steps, %4 timestamps, %5 values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TablePreview</name>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 row(s) with another number of fields than the header (the first is row %2); short rows are padded with empty cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 rows are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file ends inside a quoted field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid UTF-8: bad bytes are shown as �.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextDiffView</name>
    <message>
        <source>Both sides are JSON: compared pretty-printed, keys sorted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionCardDelegate</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
