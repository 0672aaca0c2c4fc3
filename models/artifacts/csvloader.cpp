#include "csvloader.h"

#include "csvparser.h"

#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

namespace Artifacts {

CsvLoader::CsvLoader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // the load in flight and a superseded one winding down
}

CsvLoader::~CsvLoader()
{
    cancel();
    m_pool.waitForDone();
}

void CsvLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    m_isLoading = false;
}

// Hands `deliver` to the GUI thread; dropped there if a newer load started meanwhile.
void CsvLoader::post(int generation, std::function<void()> deliver)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, deliver = std::move(deliver)] {
            if (generation == m_generation)
                deliver();
        },
        Qt::QueuedConnection);
}

void CsvLoader::load(const QString &path, char delimiter)
{
    cancel();
    const int generation = m_generation;
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelled;
    m_isLoading = true;
    const qint64 rowLimit = m_rowLimit;
    m_task = QtConcurrent::run(&m_pool, [this, path, delimiter, generation, cancelled, rowLimit] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            const QString message = tr("Cannot read %1: %2").arg(path, file.errorString());
            post(generation, [this, message] {
                m_isLoading = false;
                emit loadFailed(message);
            });
            return;
        }
        CsvParser parser(delimiter);
        CsvSummary summary;
        qsizetype width = -1;
        QList<QStringList> records;
        const auto deliver = [&](QList<QStringList> &parsed) {
            QList<QStringList> rows;
            rows.reserve(parsed.size());
            for (QStringList &record : parsed) {
                if (width < 0) {
                    width = record.size();
                    post(generation, [this, header = record] { emit headerLoaded(header); });
                    continue;
                }
                if (summary.rows >= rowLimit) {
                    summary.truncated = true;
                    break;
                }
                ++summary.rows;
                if (record.size() != width) {
                    if (summary.raggedRows++ == 0)
                        summary.firstRaggedRow = summary.rows;
                    if (record.size() < width)
                        record.resize(width);
                }
                rows.append(std::move(record));
            }
            parsed.clear();
            if (!rows.isEmpty())
                post(generation, [this, rows = std::move(rows)] { emit rowsLoaded(rows); });
        };
        while (!cancelled->load() && !summary.truncated) {
            const QByteArray chunk = file.read(ChunkBytes);
            if (chunk.isEmpty())
                break;
            parser.feed(chunk, records);
            deliver(records);
        }
        if (cancelled->load())
            return;
        if (!summary.truncated) {
            parser.finish(records);
            deliver(records);
        }
        summary.invalidUtf8 = parser.hasInvalidUtf8();
        summary.unterminatedQuote = parser.hasUnterminatedQuote();
        post(generation, [this, summary] {
            m_isLoading = false;
            emit finished(summary);
        });
    });
}

} // namespace Artifacts
