#include "comparisonmessages.h"

#include "storelocation.h"

#include "comparisonset.h"


using namespace RunDiff;

namespace {

QString page(const QString &title, const QString &body)
{
    return QStringLiteral("<p style=\"font-size:large\">%1</p><p>%2</p>").arg(title, body);
}

QString link(const QString &href, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(href, text);
}

QString unavailableText(const ComparisonSet &set, const UnavailableRun &unavailable)
{
    const RunSource source = set.comparedRuns().value(unavailable.source);
    const QString store = Store::Location::parse(source.location).displayLocation();
    QString why;
    switch (unavailable.error.code) {
    case Store::Error::NotFound:
        why = ComparisonMessages::tr("its store %1 is not there any more (moved or deleted?)")
                  .arg(store.toHtmlEscaped());
        break;
    case Store::Error::NoSuchRun:
        why = ComparisonMessages::tr("%1 no longer holds this run").arg(store.toHtmlEscaped());
        break;
    default:
        why = unavailable.error.message.toHtmlEscaped();
        break;
    }
    const QString name = QStringLiteral("“%1”").arg(set.nameOf(source).toHtmlEscaped());
    return set.isPinned(source.location, source.runId)
        ? ComparisonMessages::tr("%1 (pinned): %2").arg(name, why)
        : ComparisonMessages::tr("%1: %2").arg(name, why);
}

// One text per run left out; `anyPinned` is set when one of them is pinned.
QStringList unavailableTexts(const ComparisonSet &set, bool *anyPinned)
{
    QStringList lines;
    const QList<RunSource> compared = set.comparedRuns();
    for (const UnavailableRun &u : set.unavailableRuns()) {
        lines.append(unavailableText(set, u));
        const RunSource source = compared.value(u.source);
        *anyPinned = *anyPinned || set.isPinned(source.location, source.runId);
    }
    return lines;
}

} // namespace

QString ComparisonMessages::emptyPage(const ComparisonSet &set, qsizetype runsShown, LoadState state,
                                      bool loading, const QString &failure)
{
    const QList<RunSource> sources = set.runs();
    const qsizetype asked = sources.size();
    if (asked == 0) {
        return page(tr("No runs to compare"),
                    tr("Select two or more runs in the Runs tab (Ctrl+click or Shift+click) to compare their "
                       "parameters, metrics and tags side by side. Pin runs (Ctrl+Shift+P) to compare them "
                       "with runs of another store."));
    }
    if (asked == 1) {
        const RunSource &only = sources.first();
        if (set.isPinned(only.location, only.runId)) {
            return page(
                tr("One run pinned"),
                tr("“%1” from %2 stays here. Select runs in the Runs tab — of this store or of another "
                   "one (File › Open) — to compare them with it.")
                    .arg(set.nameOf(only).toHtmlEscaped(),
                         Store::Location::parse(only.location).displayLocation().toHtmlEscaped()));
        }
        return page(tr("One run selected"),
                    tr("Select at least one more run in the Runs tab to compare them, or %1 and open "
                       "another store to compare it with runs there.")
                        .arg(link(QStringLiteral("pin"), tr("pin it"))));
    }
    if (runsShown >= 2)
        return {};
    switch (state) {
    case LoadState::Cancelled:
        return page(
            tr("Comparison cancelled"),
            tr("%1 of these %2 runs.").arg(link(QStringLiteral("compare"), tr("Compare"))).arg(asked));
    case LoadState::Failed:
        return page(tr("The runs could not be compared"),
                    failure.toHtmlEscaped() + QStringLiteral(" ")
                        + link(QStringLiteral("compare"), tr("Try again")));
    case LoadState::Loading:
    case LoadState::Idle:
        break;
    }
    if (loading || set.unavailableRuns().isEmpty()) {
        return page(tr("Comparing %1 runs…").arg(asked),
                    tr("Reading their parameters, tags and metric histories."));
    }
    bool anyPinned = false;
    QString body = unavailableTexts(set, &anyPinned).join(QStringLiteral("<br>"));
    if (anyPinned)
        body += QStringLiteral("<br><br>") + link(QStringLiteral("unpin-unavailable"), tr("Unpin them"));
    return page(tr("Only %1 of the %2 runs could be read").arg(runsShown).arg(asked), body);
}

QString ComparisonMessages::notice(const ComparisonSet &set, qsizetype runsShown)
{
    if (set.unavailableRuns().isEmpty() || runsShown < 2)
        return {};
    bool anyPinned = false;
    const QStringList lines = unavailableTexts(set, &anyPinned);
    QString text = tr("Left out (could not be read): ") + lines.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (anyPinned)
        text += QStringLiteral(" <a href=\"unpin-unavailable\">%1</a>").arg(tr("Unpin them"));
    return text;
}
