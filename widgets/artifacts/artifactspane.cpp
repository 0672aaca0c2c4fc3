#include "artifactspane.h"

#include "artifactentry.h"
#include "artifactpreview.h"
#include "artifactroots.h"
#include "artifacttreemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

ArtifactsPane::ArtifactsPane(Arrangement arrangement, QWidget *parent)
    : QWidget(parent),
      m_model(new ArtifactTreeModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_status(new QLabel(this)),
      m_chooseRootButton(new QPushButton(tr("Choose Folder…"), this)),
      m_splitter(new QSplitter(arrangement == Arrangement::Stacked ? Qt::Vertical : Qt::Horizontal, this)),
      m_tree(new QTreeView(m_splitter)),
      m_preview(new ArtifactPreview(m_splitter))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ArtifactTreeModel::SortRole);

    m_status->setObjectName(QStringLiteral("artifactsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseRootButton->setToolTip(tr("The local folder that holds this store's mlflow-artifacts: files "
                                      "(the tracking server's --artifacts-destination)"));
    m_chooseRootButton->hide();
    connect(m_chooseRootButton, &QPushButton::clicked, this, &ArtifactsPane::chooseArtifactsRoot);

    m_tree->setObjectName(QStringLiteral("artifactsTree"));
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(ArtifactTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ArtifactTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ArtifactTreeModel::SizeColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ArtifactTreeModel::ModifiedColumn, QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ArtifactsPane::onCurrentChanged);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &ArtifactsPane::showContextMenu);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(ArtifactTreeModel::IsDirRole).toBool())
            QDesktopServices::openUrl(QUrl::fromLocalFile(currentAbsolutePath()));
    });

    m_splitter->setObjectName(QStringLiteral("artifactsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, arrangement == Arrangement::Stacked ? 1 : 0);
    m_splitter->setStretchFactor(1, 1);
    if (arrangement == Arrangement::SideBySide)
        m_splitter->setSizes({360, 840});

    connect(m_model, &ArtifactTreeModel::totalsCounted, this,
            [this](qint64 files, qint64 folders, qint64 bytes) {
                const QLocale locale;
                m_totals = (files == 1 ? tr("1 file") : tr("%1 files").arg(locale.toString(files)))
                    + QStringLiteral(", ")
                    + (folders == 1 ? tr("1 folder") : tr("%1 folders").arg(locale.toString(folders)))
                    + QStringLiteral(", ") + Artifacts::formatSize(bytes);
                updateStatus();
            });
    connect(m_model, &ArtifactTreeModel::folderFailed, this,
            [this](const QString &path, const QString &message) {
                if (path.isEmpty())
                    m_preview->showMessage(message);
            });

    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(4, 2, 4, 2);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_chooseRootButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(statusRow);
    layout->addWidget(m_splitter, 1);
    clear();
}

void ArtifactsPane::showRun(const QString &storeLocation, const QString &runId, const QString &runName,
                            const QString &artifactUri)
{
    if (runId.isEmpty()) {
        clear();
        return;
    }
    if (storeLocation == m_storeLocation && runId == m_runId && artifactUri == m_artifactUri)
        return;
    m_storeLocation = storeLocation;
    m_runId = runId;
    m_runName = runName;
    m_artifactUri = artifactUri;
    resolve();
}

void ArtifactsPane::clear()
{
    ++m_generation;
    m_storeLocation.clear();
    m_runId.clear();
    m_runName.clear();
    m_artifactUri.clear();
    m_location = {};
    m_totals.clear();
    m_model->clear();
    m_preview->clear();
    m_chooseRootButton->hide();
    m_status->setText(tr("No run selected."));
}

QString ArtifactsPane::artifactRoot() const
{
    return m_location.isLocal() ? m_location.path : QString();
}

QString ArtifactsPane::statusText() const
{
    return m_status->text();
}

void ArtifactsPane::resolve()
{
    const quint64 generation = ++m_generation;
    m_model->clear();
    m_preview->clear();
    m_totals.clear();
    m_location = {};
    m_status->setText(tr("Looking for the artifacts of %1…").arg(m_runName));
    const Artifacts::LocationInput input {
        m_artifactUri, m_storeLocation, ArtifactRoots::root(m_storeLocation), {}};
    // A watcher, not QFuture::then(context): Qt 6.4 now and then drops such a continuation.
    auto *watcher = new QFutureWatcher<Artifacts::Location>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            applyLocation(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([input] { return Artifacts::resolveLocation(input); }));
}

void ArtifactsPane::applyLocation(const Artifacts::Location &location)
{
    m_location = location;
    if (location.isLocal())
        m_model->setRoot(location.path);
    else
        m_preview->showMessage(location.message());
    m_chooseRootButton->setVisible(location.scheme == QLatin1String("mlflow-artifacts"));
    updateStatus();
    emit locationResolved(location);
}

void ArtifactsPane::updateStatus()
{
    if (!m_location.isLocal()) {
        m_status->setText(m_runId.isEmpty() ? tr("No run selected.") : m_location.message());
        return;
    }
    QString text = QDir::toNativeSeparators(m_location.path);
    if (!m_totals.isEmpty())
        text += QStringLiteral(" · ") + m_totals;
    m_status->setText(text);
    m_status->setToolTip(tr("The artifacts of %1").arg(m_runName));
}

void ArtifactsPane::chooseArtifactsRoot()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder of the Store's mlflow-artifacts: Files"), ArtifactRoots::root(m_storeLocation));
    if (folder.isEmpty())
        return;
    ArtifactRoots::setRoot(m_storeLocation, folder);
    resolve();
}

QString ArtifactsPane::currentAbsolutePath() const
{
    return m_model->absolutePath(m_proxy->mapToSource(m_tree->currentIndex()));
}

void ArtifactsPane::onCurrentChanged()
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->currentIndex());
    if (!index.isValid() || index.data(ArtifactTreeModel::IsDirRole).toBool())
        return;
    m_preview->showFile(m_model->absolutePath(index));
}

void ArtifactsPane::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->indexAt(pos));
    QMenu menu(this);
    if (index.isValid()) {
        const QString path = m_model->absolutePath(index);
        menu.addAction(tr("&Open"), this, [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
        menu.addAction(tr("Show in &Folder"), this, [path] {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        });
        menu.addAction(tr("&Copy Path"), this,
                       [path] { QApplication::clipboard()->setText(QDir::toNativeSeparators(path)); });
        menu.addSeparator();
    }
    QAction *compare = menu.addAction(tr("Compare &Artifacts with Another Run…"), this,
                                      [this] { emit compareRequested(m_runId); });
    compare->setEnabled(m_location.isLocal());
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void ArtifactsPane::focusTree()
{
    m_tree->setFocus(Qt::ShortcutFocusReason);
    if (!m_tree->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_tree->setCurrentIndex(m_proxy->index(0, 0));
}

QByteArray ArtifactsPane::saveState() const
{
    return m_splitter->saveState();
}

void ArtifactsPane::restoreState(const QByteArray &state)
{
    m_splitter->restoreState(state);
}
