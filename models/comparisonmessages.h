#pragma once

#include <QCoreApplication>
#include <QString>

class ComparisonSet;

// What the compare view says where it cannot show its runs side by side: the page shown instead
// of the tables (fewer than two runs, loading, cancelled, failed, runs left out) and the notice
// above them naming the runs left out. Rich text; its links ("compare", "pin",
// "unpin-unavailable") are for the view to act on.
class ComparisonMessages
{
    Q_DECLARE_TR_FUNCTIONS(ComparisonMessages)
public:
    // How the last comparison asked for ended.
    enum class LoadState { Idle, Loading, Cancelled, Failed };

    // `runsShown`: the runs of the diff shown. Empty when the tables show.
    static QString emptyPage(const ComparisonSet &set, qsizetype runsShown, LoadState state, bool loading,
                             const QString &failure);
    // Empty when no run was left out or the tables do not show.
    static QString notice(const ComparisonSet &set, qsizetype runsShown);
};
