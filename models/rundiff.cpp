#include "rundiff.h"

#include "storelocation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <dtl/dtl.hpp>
#include <vector>

namespace RunDiff {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunDiff", text);
}

// Words of metric keys, as people name them. Matched against whole words of the lower-cased key.
const QSet<QString> &minimizeWords()
{
    static const QSet<QString> words = {
        QStringLiteral("loss"),   QStringLiteral("losses"),     QStringLiteral("error"),
        QStringLiteral("errors"), QStringLiteral("err"),        QStringLiteral("rmse"),
        QStringLiteral("mae"),    QStringLiteral("mse"),        QStringLiteral("mape"),
        QStringLiteral("smape"),  QStringLiteral("rmsle"),      QStringLiteral("msle"),
        QStringLiteral("nll"),    QStringLiteral("perplexity"), QStringLiteral("ppl"),
        QStringLiteral("wer"),    QStringLiteral("cer"),        QStringLiteral("logloss"),
        QStringLiteral("cost"),   QStringLiteral("regret"),     QStringLiteral("brier"),
        QStringLiteral("fpr"),    QStringLiteral("fnr"),        QStringLiteral("latency"),
        QStringLiteral("eer"),    QStringLiteral("distance"),   QStringLiteral("divergence"),
        QStringLiteral("kl"),     QStringLiteral("fid"),        QStringLiteral("bpd"),
    };
    return words;
}

const QSet<QString> &maximizeWords()
{
    static const QSet<QString> words = {
        QStringLiteral("acc"),         QStringLiteral("accuracy"),    QStringLiteral("f1"),
        QStringLiteral("fscore"),      QStringLiteral("f1score"),     QStringLiteral("auc"),
        QStringLiteral("roc"),         QStringLiteral("auroc"),       QStringLiteral("auprc"),
        QStringLiteral("precision"),   QStringLiteral("recall"),      QStringLiteral("r2"),
        QStringLiteral("map"),         QStringLiteral("ap"),          QStringLiteral("bleu"),
        QStringLiteral("rouge"),       QStringLiteral("meteor"),      QStringLiteral("iou"),
        QStringLiteral("miou"),        QStringLiteral("dice"),        QStringLiteral("ndcg"),
        QStringLiteral("mrr"),         QStringLiteral("top1"),        QStringLiteral("top5"),
        QStringLiteral("reward"),      QStringLiteral("return"),      QStringLiteral("score"),
        QStringLiteral("sensitivity"), QStringLiteral("specificity"), QStringLiteral("psnr"),
        QStringLiteral("ssim"),        QStringLiteral("kappa"),       QStringLiteral("mcc"),
        QStringLiteral("throughput"),  QStringLiteral("hit"),         QStringLiteral("hits"),
    };
    return words;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString markdownCell(const QString &text)
{
    QString cell = text;
    cell.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    cell.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    cell.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
    cell.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return cell;
}

QString signedNumber(double value)
{
    if (value == 0)
        return QStringLiteral("0");
    const QString digits = QString::number(std::abs(value), 'g', 6);
    return (value > 0 ? QStringLiteral("+") : QString(QChar(0x2212))) + digits;
}

} // namespace

std::optional<double> parseNumber(const QString &text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return std::nullopt;
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

Comparison compare(const QList<Value> &values)
{
    Comparison result;
    qsizetype present = 0;
    bool allNumbers = true;
    QList<double> numbers;
    numbers.reserve(values.size());
    for (const Value &value : values) {
        if (!value)
            continue;
        ++present;
        if (allNumbers) {
            const std::optional<double> number = parseNumber(*value);
            if (number)
                numbers.append(*number);
            else
                allNumbers = false;
        }
    }
    if (present < values.size() && present > 0) {
        result.differs = true;
    }
    result.numeric = present > 0 && allNumbers;
    if (result.differs || present == 0)
        return result;
    if (result.numeric) {
        result.differs
            = std::any_of(numbers.cbegin(), numbers.cend(), [&](double n) { return n != numbers.first(); });
    } else {
        const QString &first = *values.first();
        result.differs
            = std::any_of(values.cbegin(), values.cend(), [&](const Value &v) { return *v != first; });
    }
    return result;
}

Direction directionForKey(const QString &key)
{
    static const QRegularExpression separators(QStringLiteral("[^a-z0-9]+"));
    const QString lower = key.toLower();
    const QStringList words = lower.split(separators, Qt::SkipEmptyParts);
    for (auto it = words.crbegin(); it != words.crend(); ++it) {
        if (minimizeWords().contains(*it))
            return Direction::Minimize;
        if (maximizeWords().contains(*it))
            return Direction::Maximize;
    }
    // Words run together ("valLoss", "trainaccuracy"): the strongest stems inside the key.
    const qsizetype minimize
        = std::max({lower.lastIndexOf(QLatin1String("loss")), lower.lastIndexOf(QLatin1String("error")),
                    lower.lastIndexOf(QLatin1String("perplexity"))});
    const qsizetype maximize
        = std::max({lower.lastIndexOf(QLatin1String("acc")), lower.lastIndexOf(QLatin1String("precision")),
                    lower.lastIndexOf(QLatin1String("recall"))});
    if (minimize >= 0 || maximize >= 0)
        return minimize > maximize ? Direction::Minimize : Direction::Maximize;
    return DefaultDirection;
}

QString directionName(Direction direction)
{
    return direction == Direction::Minimize ? QStringLiteral("min") : QStringLiteral("max");
}

MetricStats summarize(const Store::MetricSeries &series, double latest, qint64 latestStep)
{
    MetricStats stats;
    stats.latest = latest;
    stats.latestStep = latestStep;
    stats.min = stats.max = std::numeric_limits<double>::quiet_NaN();
    stats.pointCount = series.size();
    for (size_t i = 0; i < series.values.size(); ++i) {
        const double v = series.values[i];
        if (std::isnan(v))
            continue;
        if (std::isnan(stats.min) || v < stats.min) {
            stats.min = v;
            stats.minStep = series.steps[i];
        }
        if (std::isnan(stats.max) || v > stats.max) {
            stats.max = v;
            stats.maxStep = series.steps[i];
        }
    }
    if (series.isEmpty()) {
        stats.min = stats.max = latest;
        stats.minStep = stats.maxStep = latestStep;
    }
    return stats;
}

int bestRun(const QList<std::optional<MetricStats>> &values, Direction direction)
{
    int best = -1;
    for (int i = 0; i < values.size(); ++i) {
        if (!values[i] || std::isnan(values[i]->latest))
            continue;
        const double v = values[i]->latest;
        if (best < 0
            || (direction == Direction::Minimize ? v < values[best]->latest : v > values[best]->latest))
            best = i;
    }
    return best;
}

int distinctBestRun(const QList<std::optional<MetricStats>> &values, Direction direction)
{
    const int best = bestRun(values, direction);
    if (best < 0)
        return best;
    int numbers = 0;
    for (const auto &v : values) {
        if (!v || std::isnan(v->latest))
            continue;
        if (v->latest != values[best]->latest)
            return best; // some run is worse
        ++numbers;
    }
    return numbers >= 2 ? -1 : best;
}

std::optional<Delta> delta(double value, double baseline)
{
    if (std::isnan(value) || std::isnan(baseline))
        return std::nullopt;
    Delta d;
    d.absolute = value - baseline;
    if (baseline != 0 && std::isfinite(baseline))
        d.percent = d.absolute / std::abs(baseline) * 100.0;
    return d;
}

QString deltaText(const Delta &delta)
{
    QString text = signedNumber(delta.absolute);
    if (delta.percent) {
        const double p = *delta.percent;
        const QString percent = p == 0
            ? QStringLiteral("0")
            : (p > 0 ? QStringLiteral("+") : QString(QChar(0x2212))) + QString::number(std::abs(p), 'f', 1);
        text += tr(" (%1 %)").arg(percent);
    }
    return text;
}

QVariant deltaData(const std::optional<Delta> &delta, DeltaPart part)
{
    if (!delta)
        return {};
    switch (part) {
    case DeltaPart::Absolute:
        return delta->absolute;
    case DeltaPart::Percent:
        return delta->percent ? QVariant(*delta->percent) : QVariant();
    case DeltaPart::Text:
        return deltaText(*delta);
    }
    return {};
}

QList<DiffSegment> characterDiff(const QString &from, const QString &to)
{
    const QList<uint> a = from.toUcs4();
    const QList<uint> b = to.toUcs4();
    std::vector<char32_t> seqA(a.cbegin(), a.cend());
    std::vector<char32_t> seqB(b.cbegin(), b.cend());
    dtl::Diff<char32_t> diff(seqA, seqB);
    diff.onHuge(); // long values (MLflow allows 6000 characters) without recursion depth issues
    diff.compose();

    QList<DiffSegment> segments;
    for (const auto &[element, info] : diff.getSes().getSequence()) {
        const DiffSegment::Kind kind = info.type == dtl::SES_ADD ? DiffSegment::Inserted
            : info.type == dtl::SES_DELETE                       ? DiffSegment::Removed
                                                                 : DiffSegment::Same;
        const char32_t c = element;
        if (segments.isEmpty() || segments.last().kind != kind)
            segments.append({kind, QString()});
        segments.last().text += QString::fromUcs4(&c, 1);
    }
    return segments;
}

QString characterDiffHtml(const QList<DiffSegment> &segments)
{
    QString html;
    for (const DiffSegment &s : segments) {
        const QString text = s.text.toHtmlEscaped();
        switch (s.kind) {
        case DiffSegment::Same:
            html += text;
            break;
        case DiffSegment::Inserted:
            html += QStringLiteral("<span style=\"background:#c8f0c8;text-decoration:underline\">") + text
                + QStringLiteral("</span>");
            break;
        case DiffSegment::Removed:
            html += QStringLiteral("<span style=\"background:#f8c8c8;text-decoration:line-through\">") + text
                + QStringLiteral("</span>");
            break;
        }
    }
    return html;
}

QList<TextRow> textRows(const QList<QList<std::pair<QString, QString>>> &perRun)
{
    QMap<QString, TextRow> rows; // sorted by key
    const qsizetype runCount = perRun.size();
    for (qsizetype run = 0; run < runCount; ++run) {
        for (const auto &[key, value] : perRun[run]) {
            TextRow &row = rows[key];
            if (row.values.isEmpty()) {
                row.key = key;
                row.values.resize(runCount);
            }
            row.values[run] = value;
        }
    }
    QList<TextRow> result;
    result.reserve(rows.size());
    for (TextRow &row : rows) {
        const Comparison c = compare(row.values);
        row.differs = c.differs;
        row.numeric = c.numeric;
        result.append(std::move(row));
    }
    return result;
}

QStringList storeLabels(const QList<RunInfo> &runs)
{
    QStringList paths; // distinct, in order of first use
    for (const RunInfo &run : runs) {
        const QString path = Store::Location::normalize(run.location);
        if (!paths.contains(path))
            paths.append(path);
    }
    if (paths.size() < 2)
        return QStringList(runs.size(), QString());
    QList<QStringList> parts;
    qsizetype longest = 0;
    for (const QString &path : std::as_const(paths)) {
        parts.append(path.split(QLatin1Char('/'), Qt::SkipEmptyParts));
        longest = std::max(longest, parts.last().size());
    }
    // The shortest tail (in path components) that tells every store apart.
    QStringList labels;
    for (qsizetype depth = 1; depth <= std::max<qsizetype>(longest, 1); ++depth) {
        labels.clear();
        for (const QStringList &p : std::as_const(parts))
            labels.append(p.mid(std::max<qsizetype>(0, p.size() - depth)).join(QLatin1Char('/')));
        if (QSet<QString>(labels.cbegin(), labels.cend()).size() == labels.size())
            break;
    }
    // A file name every store shares says nothing: "proj-a", "proj-b" for .../mlflow.db.
    const QString fileName = parts.first().value(parts.first().size() - 1);
    const bool sameFileName = std::all_of(parts.cbegin(), parts.cend(), [&fileName](const QStringList &p) {
        return p.size() > 1 && p.last() == fileName;
    });
    if (sameFileName) {
        for (QString &label : labels)
            label.chop(fileName.size() + 1);
    }
    QStringList perRun;
    for (const RunInfo &run : runs)
        perRun.append(labels[paths.indexOf(Store::Location::normalize(run.location))]);
    return perRun;
}

bool isSystemTag(const QString &key)
{
    return key.startsWith(QLatin1String("mlflow."));
}

QString toMarkdown(const TextTable &table)
{
    QString text;
    const auto line = [&](const QStringList &cells) {
        text += QLatin1Char('|');
        for (const QString &cell : cells)
            text += QLatin1Char(' ') + markdownCell(cell) + QStringLiteral(" |");
        text += QLatin1Char('\n');
    };
    line(table.header);
    text += QLatin1Char('|');
    for (qsizetype i = 0; i < table.header.size(); ++i)
        text += QStringLiteral(" --- |");
    text += QLatin1Char('\n');
    for (const QStringList &row : table.rows)
        line(row);
    return text;
}

QString toCsv(const TextTable &table)
{
    QString text;
    const auto line = [&](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i)
                text += QLatin1Char(',');
            text += csvField(cells[i]);
        }
        text += QStringLiteral("\r\n");
    };
    line(table.header);
    for (const QStringList &row : table.rows)
        line(row);
    return text;
}

QString displayText(const Value &value)
{
    return value ? *value : QString(MissingMark);
}

} // namespace RunDiff
