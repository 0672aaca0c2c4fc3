#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace Artifacts {

// What a whole CSV/TSV read found, for the note under the table.
struct CsvSummary
{
    qint64 rows = 0; // data rows delivered (the header row not counted)
    qint64 raggedRows = 0; // rows with another field count than the header
    qint64 firstRaggedRow = 0; // 1-based data row of the first of them; 0 if none
    bool truncated = false; // stopped at the row limit
    bool invalidUtf8 = false;
    bool unterminatedQuote = false;
};

// Streams a CSV or TSV file on a worker: the first record is the header, the rest arrive in
// batches (rowsLoaded) as they are parsed, short rows padded to the header's width. A new load()
// or cancel() supersedes the one in flight: it stops and nothing more of it is delivered.
class CsvLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultRowLimit = 1'000'000;
    static constexpr qint64 ChunkBytes = 256 * 1024;

    explicit CsvLoader(QObject *parent = nullptr);
    // Cancels what is in flight and waits for the worker to stop.
    ~CsvLoader() override;

    void load(const QString &path, char delimiter);
    void cancel();
    void setRowLimit(qint64 limit) { m_rowLimit = limit; }
    bool isLoading() const { return m_isLoading; }

signals:
    void headerLoaded(const QStringList &header);
    void rowsLoaded(const QList<QStringList> &rows);
    void finished(const Artifacts::CsvSummary &summary);
    void loadFailed(const QString &message);

private:
    void post(int generation, std::function<void()> deliver);

    QThreadPool m_pool;
    QFuture<void> m_task;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_generation = 0;
    qint64 m_rowLimit = DefaultRowLimit;
    bool m_isLoading = false;
};

} // namespace Artifacts
