#pragma once

#include <QCoreApplication>
#include <QString>

class MetricDiffModel;
class ParamDiffModel;
class QModelIndex;

// What the compare view's detail pane shows of the current cell, as HTML: a metric's latest,
// min, max and best step in every run; a param's or tag's value in every run (on its key) or in
// one run, with its character diff against the first run's.
class CompareDetail
{
    Q_DECLARE_TR_FUNCTIONS(CompareDetail)
public:
    // Values up to this length (the two together) are diffed at once; longer ones by finished().
    static constexpr int InlineDiffLength = 2000;

    // `index` is a valid index of `model`.
    static CompareDetail ofMetric(const MetricDiffModel &model, const QModelIndex &index);
    static CompareDetail ofText(const ParamDiffModel &model, const QModelIndex &index);

    // What to show at once: the whole detail, or all but a pending character diff.
    QString html() const;
    // The character diff of long values is left to finished().
    bool isPending() const { return m_pending; }
    // The whole detail; slow for long values, so call it on a worker when isPending().
    QString finished() const;

private:
    QString m_html;
    QString m_from; // the values of a pending diff
    QString m_to;
    bool m_pending = false;
};
