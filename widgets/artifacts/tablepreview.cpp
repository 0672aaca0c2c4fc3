#include "tablepreview.h"

#include "csvtablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using Artifacts::CsvSummary;
using Artifacts::CsvTableModel;

TablePreview::TablePreview(QWidget *parent)
    : QWidget(parent),
      m_loader(new Artifacts::CsvLoader(this)),
      m_model(new CsvTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("tablePreview"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CsvTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("csvTable"));
    m_view->setTabKeyNavigation(false); // Tab goes on to the next view
    m_view->setModel(m_proxy);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_status->setObjectName(QStringLiteral("tableStatus"));
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_loader, &Artifacts::CsvLoader::headerLoaded, m_model, &CsvTableModel::setHeader);
    connect(m_loader, &Artifacts::CsvLoader::rowsLoaded, this, [this](const QList<QStringList> &rows) {
        const bool first = m_model->rowCount() == 0;
        m_model->appendRows(rows);
        if (first)
            m_view->resizeColumnsToContents(); // on the first rows only: later batches keep widths
        showStatus(nullptr);
        if (!std::exchange(m_shown, true))
            emit firstRowsShown();
    });
    connect(m_loader, &Artifacts::CsvLoader::finished, this, [this](const CsvSummary &summary) {
        if (m_model->rowCount() == 0)
            m_view->resizeColumnsToContents();
        showStatus(&summary);
        if (!std::exchange(m_shown, true))
            emit firstRowsShown();
        emit finished(summary);
    });
    connect(m_loader, &Artifacts::CsvLoader::loadFailed, this, [this](const QString &message) {
        m_status->setText(message);
        emit loadFailed(message);
    });
}

void TablePreview::load(const QString &path, char delimiter)
{
    clear();
    m_status->setText(tr("Reading…"));
    m_loader->load(path, delimiter);
}

void TablePreview::clear()
{
    m_loader->cancel();
    m_shown = false;
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_model->clear();
    m_status->clear();
}

QString TablePreview::statusText() const
{
    return m_status->text();
}

void TablePreview::showStatus(const CsvSummary *summary)
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    const int columns = m_model->columnCount();
    QStringList parts {(rows == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(rows)))
                       + QStringLiteral(" · ")
                       + (columns == 1 ? tr("1 column") : tr("%1 columns").arg(columns))};
    if (!summary) {
        parts.append(tr("reading…"));
    } else {
        if (summary->raggedRows > 0)
            parts.append(
                tr("%1 row(s) with another number of fields than the header (the first is row %2); "
                   "short rows are padded with empty cells.")
                    .arg(locale.toString(summary->raggedRows), locale.toString(summary->firstRaggedRow)));
        if (summary->truncated)
            parts.append(tr("Only the first %1 rows are shown.").arg(locale.toString(summary->rows)));
        if (summary->unterminatedQuote)
            parts.append(tr("The file ends inside a quoted field."));
        if (summary->invalidUtf8)
            parts.append(tr("The file is not valid UTF-8: bad bytes are shown as \uFFFD."));
    }
    m_status->setText(parts.join(QLatin1Char(' ')));
}
