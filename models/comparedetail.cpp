#include "comparedetail.h"

#include "metricdiffmodel.h"
#include "paramdiffmodel.h"
#include "runcolors.h"
#include "runformat.h"

using namespace RunDiff;

namespace {

QString swatch(const QString &runId)
{
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>").arg(RunColors::color(runId).name());
}

QString valueHtml(const QString &text)
{
    return QStringLiteral("<p style=\"white-space:pre-wrap; font-family:monospace\">%1</p>")
        .arg(text.toHtmlEscaped());
}

QString diffHtml(const QString &from, const QString &to)
{
    return QStringLiteral("<p style=\"white-space:pre-wrap; font-family:monospace\">%1</p>")
        .arg(characterDiffHtml(characterDiff(from, to)));
}

QString italic(const QString &text)
{
    return QStringLiteral("<p><i>%1</i></p>").arg(text);
}

// Runs of several stores: which store, after the name.
QString storeNote(const QStringList &stores, int run)
{
    const QString label = stores.value(run);
    return label.isEmpty()
        ? QString()
        : QStringLiteral(" <span style=\"color:gray\">· %1</span>").arg(label.toHtmlEscaped());
}

} // namespace

CompareDetail CompareDetail::ofMetric(const MetricDiffModel &model, const QModelIndex &index)
{
    const Diff &diff = model.diff();
    const QStringList stores = storeLabels(diff.runs);
    const QString key = model.keyAt(index);
    QString html = QStringLiteral("<p><b>%1</b> · %2</p>")
                       .arg(key.toHtmlEscaped(),
                            model.direction(key) == Direction::Minimize ? tr("lower is better")
                                                                        : tr("higher is better"));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    html += QStringLiteral(
                "<tr><th></th><th align=\"left\">%1</th><th align=\"right\">%2</th>"
                "<th align=\"right\">%3</th><th align=\"right\">%4</th><th align=\"right\">%5</th></tr>")
                .arg(tr("Run"), tr("Latest"), tr("Min"), tr("Max"), tr("Best step"));

    const MetricRow &row = model.rowAt(index);
    for (int run = 0; run < row.values.size(); ++run) {
        const RunInfo &info = diff.runs[run];
        const auto &stats = row.values[run];
        const QString name = info.displayName().toHtmlEscaped()
            + (model.isBest(index.row(), run) ? QStringLiteral(" ★") : QString()) + storeNote(stores, run);
        if (!stats) {
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td colspan=\"4\"><i>%3</i></td></tr>")
                        .arg(swatch(info.colorKey()), name, tr("not logged"));
            continue;
        }
        html += QStringLiteral(
                    "<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td>"
                    "<td align=\"right\">%5</td><td align=\"right\">%6</td></tr>")
                    .arg(swatch(info.colorKey()), name, RunFormat::metricValue(stats->latest),
                         RunFormat::metricValue(stats->min), RunFormat::metricValue(stats->max),
                         QString::number(stats->bestStep(model.direction(key))));
    }
    html += QStringLiteral("</table>");
    CompareDetail detail;
    detail.m_html = html;
    return detail;
}

CompareDetail CompareDetail::ofText(const ParamDiffModel &model, const QModelIndex &index)
{
    const Diff &diff = model.diff();
    const QStringList stores = storeLabels(diff.runs);
    const TextRow &row = model.rowAt(index);
    const int run = model.runOfColumn(index.column());
    CompareDetail detail;
    QString &html = detail.m_html;
    html = QStringLiteral("<p><b>%1</b>%2</p>")
               .arg(row.key.toHtmlEscaped(),
                    row.numeric ? tr(" · compared as numbers (\"0.0010\" equals \"1e-3\")") : QString());
    if (run < 0) {
        // The key: every run's value.
        for (int r = 0; r < row.values.size(); ++r) {
            const RunInfo &info = diff.runs[r];
            html += QStringLiteral("<p>%1 <b>%2</b></p>")
                        .arg(swatch(info.colorKey()),
                             info.displayName().toHtmlEscaped() + storeNote(stores, r));
            html += row.values[r] ? valueHtml(*row.values[r]) : italic(tr("not logged"));
        }
        return detail;
    }
    const RunInfo &info = diff.runs[run];
    html += QStringLiteral("<p>%1 <b>%2</b></p>")
                .arg(swatch(info.colorKey()), info.displayName().toHtmlEscaped() + storeNote(stores, run));
    const Value &value = row.values[run];
    if (!value) {
        html += italic(tr("Not logged in this run."));
        return detail;
    }
    html += valueHtml(*value);
    const Value &first = row.values.first();
    if (run == 0) {
        html += italic(tr("The other runs are diffed against this one."));
        return detail;
    }
    const QString firstName = diff.runs[0].displayName().toHtmlEscaped();
    if (first == value) {
        html += italic(tr("The same as in %1.").arg(firstName));
        return detail;
    }
    html += QStringLiteral("<p><b>%1</b> %2 %3</p>")
                .arg(tr("Against"), swatch(diff.runs[0].colorKey()), firstName);
    const QString from = first.value_or(QString());
    const QString to = *value;
    if (from.size() + to.size() <= InlineDiffLength) {
        html += diffHtml(from, to);
        return detail;
    }
    detail.m_from = from;
    detail.m_to = to;
    detail.m_pending = true;
    return detail;
}

QString CompareDetail::html() const
{
    return m_pending ? m_html + italic(tr("Comparing…")) : m_html;
}

QString CompareDetail::finished() const
{
    return m_pending ? m_html + diffHtml(m_from, m_to) : m_html;
}
