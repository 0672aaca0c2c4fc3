#include "identicalfilesdialog.h"

#include "identicalfilemodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

IdenticalFilesDialog::IdenticalFilesDialog(QWidget *parent)
    : QDialog(parent),
      m_finder(new IdenticalFileFinder(this)),
      m_model(new IdenticalFileModel(this)),
      m_title(new QLabel(this)),
      m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_table(new QTableView(this))
{
    setWindowTitle(tr("Identical Files"));
    setModal(false);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setTabKeyNavigation(false); // Tab goes on to the buttons
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("Double-click a file to show its run."));

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(640, 360);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, m_finder, &IdenticalFileFinder::cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_finder->cancel();
        m_progress->hide();
        m_cancel->hide();
        m_status->setText(tr("Cancelled."));
    });
    connect(m_finder, &IdenticalFileFinder::progressChanged, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
        m_status->setText(tr("Searching the artifacts of %1 of %n run(s)…", nullptr, int(total)).arg(done));
    });
    connect(m_finder, &IdenticalFileFinder::finished, this, &IdenticalFilesDialog::showMatches);
    connect(m_finder, &IdenticalFileFinder::failed, this, &IdenticalFilesDialog::showError);
    const auto activate = [this](const QModelIndex &index) {
        if (index.isValid())
            emit runActivated(m_model->matchAt(index).experimentId, m_model->matchAt(index).runId);
    };
    connect(m_table, &QTableView::activated, this, activate);
    connect(m_table, &QTableView::doubleClicked, this, activate);
}

void IdenticalFilesDialog::find(const QString &filePath, const QList<RunArtifactRoot> &runs)
{
    m_title->setText(tr("Runs holding a file identical to <b>%1</b>")
                         .arg(QDir::toNativeSeparators(QFileInfo(filePath).fileName()).toHtmlEscaped()));
    m_title->setToolTip(QDir::toNativeSeparators(filePath));
    m_model->clear();
    m_table->hide();
    m_progress->show();
    m_cancel->show();
    m_finder->find(filePath, runs);
}

void IdenticalFilesDialog::showError(const QString &message)
{
    m_progress->hide();
    m_cancel->hide();
    m_table->hide();
    m_status->setText(message);
}

QString IdenticalFilesDialog::status() const
{
    return m_status->text();
}

void IdenticalFilesDialog::showMatches(const QList<IdenticalFileMatch> &matches)
{
    m_progress->hide();
    m_cancel->hide();
    m_model->setMatches(matches);
    m_table->setVisible(!matches.isEmpty());
    m_table->resizeColumnsToContents();
    QString status = matches.isEmpty() ? tr("No run of this store holds an identical file.")
                                       : tr("%n identical file(s) found.", nullptr, int(matches.size()));
    if (const int skipped = m_finder->skippedRunCount(); skipped > 0)
        status += QLatin1Char(' ')
            + tr("%n run(s) without an artifact folder on this machine were skipped.", nullptr, skipped);
    m_status->setText(status);
}
