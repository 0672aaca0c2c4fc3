#include "artifactlisting.h"
#include "artifactlocation.h"
#include "artifactroots.h"
#include "commands.h"
#include "output.h"

namespace {

const char *boolText(bool value)
{
    return value ? "true" : "false";
}

// "file", "folder", and what kept a link or folder from being followed.
QString kindText(const Artifacts::ArtifactEntry &entry)
{
    if (entry.isBroken && !entry.isDir)
        return QStringLiteral("broken link");
    if (entry.isBroken)
        return entry.isSymlink ? QStringLiteral("folder link, not followed")
                               : QStringLiteral("folder, unreadable");
    QString kind = entry.isDir ? QStringLiteral("folder") : QStringLiteral("file");
    return entry.isSymlink ? kind + QStringLiteral(" link") : kind;
}

void writeJson(OutputBuffer &out, const Artifacts::ArtifactEntryList &entries)
{
    out << '[';
    bool first = true;
    for (const Artifacts::ArtifactEntry &e : entries) {
        out << (first ? "\n  {\"path\": " : ",\n  {\"path\": ");
        first = false;
        Output::jsonString(out, e.path);
        out << ", \"size\": ";
        Output::jsonInteger(out, e.size);
        out << ", \"is_dir\": " << boolText(e.isDir) << ", \"modified\": ";
        if (e.modified == 0)
            out << "null";
        else
            Output::jsonInteger(out, e.modified);
        out << ", \"is_symlink\": " << boolText(e.isSymlink) << ", \"broken\": " << boolText(e.isBroken)
            << '}';
    }
    out << (first ? "]\n" : "\n]\n");
}

} // namespace

int runArtifactsCommand(const CommandLine &cl)
{
    auto store = Cli::openStore(cl);
    if (!store)
        return ExitStoreUnreadable;
    const auto uri = store->artifactUri(cl.runId);
    if (!uri) {
        Cli::printError(uri.error().message);
        return Cli::exitCodeFor(uri.error());
    }
    const QString storeLocation = store->location();
    const Artifacts::Location location
        = Artifacts::resolveLocation({.artifactUri = *uri,
                                      .storeLocation = storeLocation,
                                      .artifactsRoot = ArtifactRoots::root(storeLocation)});
    if (!location.isLocal()) {
        Cli::printError(location.message());
        return ExitStoreUnreadable;
    }
    const auto entries = Artifacts::listArtifacts(location.path);
    if (!entries) {
        Cli::printError(entries.error().message);
        return ExitStoreUnreadable;
    }

    OutputBuffer out;
    switch (cl.format) {
    case CommandLine::Format::Json:
        writeJson(out, *entries);
        break;
    case CommandLine::Format::Tsv:
        out << "path\tsize\tis_dir\tmodified\tis_symlink\tbroken\n";
        for (const Artifacts::ArtifactEntry &e : *entries) {
            Output::tsvField(out, e.path.toUtf8().toStdString());
            out << '\t' << QString::number(e.size) << '\t' << boolText(e.isDir) << '\t';
            if (e.modified != 0)
                Output::jsonInteger(out, e.modified);
            out << '\t' << boolText(e.isSymlink) << '\t' << boolText(e.isBroken) << '\n';
        }
        break;
    case CommandLine::Format::Markdown: // diff only: the parser refuses them here
    case CommandLine::Format::Csv:
    case CommandLine::Format::Table: {
        QList<QStringList> rows;
        rows.reserve(entries->size());
        for (const Artifacts::ArtifactEntry &e : *entries) {
            rows.append({e.path, e.isDir ? QString() : QString::number(e.size), kindText(e),
                         e.modified == 0 ? QString() : Cli::formatTime(e.modified)});
        }
        Output::writeTable(out,
                           {QStringLiteral("PATH"), QStringLiteral("SIZE"), QStringLiteral("KIND"),
                            QStringLiteral("MODIFIED")},
                           rows);
        break;
    }
    }
    return ExitOk;
}
