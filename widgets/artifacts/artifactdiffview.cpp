#include "artifactdiffview.h"

#include "artifactdiffloader.h"
#include "artifactdiffmodel.h"
#include "artifactentry.h"
#include "filedigest.h"
#include "imagediffview.h"
#include "textdiffview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

using Artifacts::DiffMark;
using Artifacts::FileKind;

namespace {

constexpr int ExpandAllLimit = 2000; // entries; larger trees open their changed top-level folders only

QString sizeText(qint64 size)
{
    return Artifacts::formatSize(size);
}

} // namespace

ArtifactDiffView::ArtifactDiffView(QWidget *parent)
    : QWidget(parent),
      m_loader(new ArtifactDiffLoader(this)),
      m_model(new ArtifactDiffModel(this)),
      m_header(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_onlyDifferences(new QCheckBox(tr("Only differences"), this)),
      m_tree(new QTreeView(this)),
      m_notice(new QLabel(this)),
      m_pages(new QStackedWidget(this)),
      m_message(new QLabel(this)),
      m_text(new TextDiffView(this)),
      m_images(new ImageDiffView(this))
{
    m_progress->setMaximumHeight(m_header->sizeHint().height());
    m_progress->setTextVisible(false);
    m_progress->hide();
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_progress);

    m_message->setObjectName(QStringLiteral("artifactDiffMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pages->addWidget(m_message);
    m_pages->addWidget(m_text);
    m_pages->addWidget(m_images);
    m_notice->setWordWrap(true);
    m_notice->hide();
    auto *contents = new QWidget(this);
    auto *contentsLayout = new QVBoxLayout(contents);
    contentsLayout->setContentsMargins(0, 0, 0, 0);
    contentsLayout->addWidget(m_notice);
    contentsLayout->addWidget(m_pages, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(createTreePane());
    splitter->addWidget(contents);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headerRow);
    layout->addWidget(splitter, 1);

    connect(m_loader, &ArtifactDiffLoader::progressChanged, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(1000 * done / total));
    });
    connect(m_loader, &ArtifactDiffLoader::treeDiffLoaded, this, [this](const Artifacts::TreeDiff &diff) {
        m_progress->hide();
        m_model->setDiff(diff);
        if (diff.entries.size() <= ExpandAllLimit)
            m_tree->expandAll();
        const int changed = diff.changedCount();
        showMessage(diff.entries.isEmpty() ? tr("Neither run has artifacts.")
                        : changed == 0
                        ? tr("The artifacts are identical. Select a file to see it.")
                        : tr("%n path(s) differ. Select a file to compare it.", nullptr, changed));
        emit treeCompared(changed);
    });
    connect(m_loader, &ArtifactDiffLoader::treeDiffFailed, this, [this](const QString &message) {
        m_progress->hide();
        showMessage(message);
    });
    connect(m_loader, &ArtifactDiffLoader::filePairLoaded, this, &ArtifactDiffView::showFilePair);
    connect(m_loader, &ArtifactDiffLoader::fileFailed, this,
            [this](const QString &path, const QString &message) {
                if (path == m_shownPath)
                    showMessage(message);
            });
    clear();
}

QWidget *ArtifactDiffView::createTreePane()
{
    auto *pane = new QWidget(this);
    auto *legend = new QHBoxLayout;
    for (DiffMark mark : {DiffMark::Added, DiffMark::Removed, DiffMark::Changed, DiffMark::TypeChanged}) {
        auto *label = new QLabel(QStringLiteral("<span style=\"color:%1\">■</span> %2")
                                     .arg(ArtifactDiffModel::markColor(mark).name(),
                                          ArtifactDiffModel::markName(mark).toHtmlEscaped()),
                                 pane);
        legend->addWidget(label);
    }
    legend->addStretch();
    legend->addWidget(m_onlyDifferences);
    connect(m_onlyDifferences, &QCheckBox::toggled, this, &ArtifactDiffView::setOnlyDifferences);

    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ArtifactDiffModel::NameColumn, QHeaderView::Stretch);
    for (int column : {ArtifactDiffModel::LeftSizeColumn, ArtifactDiffModel::RightSizeColumn,
                       ArtifactDiffModel::ChangeColumn})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ArtifactDiffView::showSelected);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(legend);
    layout->addWidget(m_tree, 1);
    return pane;
}

void ArtifactDiffView::compare(const QString &leftRoot, const QString &leftTitle, const QString &rightRoot,
                               const QString &rightTitle)
{
    m_leftTitle = leftTitle;
    m_rightTitle = rightTitle;
    m_shownPath.clear();
    m_model->clear();
    m_header->setText(tr("Artifacts of <b>%1</b> (left) and <b>%2</b> (right)")
                          .arg(leftTitle.toHtmlEscaped(), rightTitle.toHtmlEscaped()));
    m_progress->setRange(0, 0);
    m_progress->show();
    showMessage(tr("Comparing the artifacts…"));
    m_loader->compare(leftRoot, rightRoot);
}

void ArtifactDiffView::clear()
{
    m_loader->cancel();
    m_model->clear();
    m_shownPath.clear();
    m_header->setText(tr("Artifacts"));
    m_progress->hide();
    showMessage(tr("Choose two runs to compare their artifacts."));
}

bool ArtifactDiffView::selectPath(const QString &relativePath)
{
    QModelIndex index = m_model->indexOfPath(relativePath);
    if (!index.isValid() && m_model->onlyDifferences()) {
        setOnlyDifferences(false);
        index = m_model->indexOfPath(relativePath);
    }
    if (!index.isValid())
        return false;
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
    return true;
}

void ArtifactDiffView::setOnlyDifferences(bool only)
{
    const QString current = m_tree->currentIndex().isValid()
        ? m_tree->currentIndex().data(ArtifactDiffModel::RelativePathRole).toString()
        : QString();
    m_onlyDifferences->setChecked(only);
    m_model->setOnlyDifferences(only);
    if (m_model->diff().entries.size() <= ExpandAllLimit)
        m_tree->expandAll();
    const QModelIndex index = m_model->indexOfPath(current);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

QWidget *ArtifactDiffView::currentPage() const
{
    return m_pages->currentWidget();
}

QString ArtifactDiffView::message() const
{
    return m_message->text();
}

QString ArtifactDiffView::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void ArtifactDiffView::showMessage(const QString &text)
{
    m_notice->hide();
    m_message->setText(text);
    m_pages->setCurrentWidget(m_message);
}

void ArtifactDiffView::showSelected()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid())
        return;
    const Artifacts::TreeDiffEntry &entry = m_model->entryAt(index);
    if (!entry.isFile() || (entry.hasLeft && entry.left.isBroken)
        || (entry.hasRight && entry.right.isBroken)) {
        m_shownPath.clear();
        showMessage(entry.mark == DiffMark::TypeChanged
                        ? tr("%1 is a file in one run and a folder in the other.").arg(entry.path)
                        : tr("%1: %2").arg(entry.path, ArtifactDiffModel::markName(entry.mark)));
        return;
    }
    m_shownPath = entry.path;
    showMessage(tr("Reading %1…").arg(entry.path));
    m_loader->loadFilePair(entry.path, m_model->leftPathAt(index), m_model->rightPathAt(index));
}

QString ArtifactDiffView::binaryText(const Artifacts::FilePairContents &contents) const
{
    QString html = QStringLiteral("<table cellpadding=4>");
    const auto row = [&html](const QString &title, qint64 size, const QByteArray &digest) {
        html += QStringLiteral("<tr><td><b>%1</b></td>").arg(title.toHtmlEscaped());
        if (size < 0)
            html += QStringLiteral("<td colspan=2>%1</td></tr>").arg(tr("absent"));
        else
            html += QStringLiteral("<td>%1</td><td><tt>%2</tt></td></tr>")
                        .arg(sizeText(size), Artifacts::digestText(digest));
    };
    row(m_leftTitle, contents.leftSize, contents.leftDigest);
    row(m_rightTitle, contents.rightSize, contents.rightDigest);
    html += QStringLiteral("</table>");
    if (contents.leftSize >= 0 && contents.rightSize >= 0) {
        const bool identical = contents.leftDigest == contents.rightDigest;
        html += QStringLiteral("<p><b>%1</b></p>").arg(identical ? tr("Identical") : tr("Different"));
    }
    return html;
}

void ArtifactDiffView::showFilePair(const QString &relativePath, const Artifacts::FilePairContents &contents)
{
    if (relativePath != m_shownPath)
        return;
    switch (contents.kind) {
    case FileKind::Text:
        m_text->setDiff(contents.text, m_leftTitle, m_rightTitle);
        m_pages->setCurrentWidget(m_text);
        break;
    case FileKind::Image:
        m_images->setImages(contents.leftImage, m_leftTitle, contents.rightImage, m_rightTitle);
        m_pages->setCurrentWidget(m_images);
        break;
    case FileKind::Binary:
        showMessage(binaryText(contents));
        break;
    }
    const bool leftOnly = contents.rightSize < 0;
    const bool rightOnly = contents.leftSize < 0;
    m_notice->setText(leftOnly        ? tr("%1 is only in %2.").arg(relativePath, m_leftTitle)
                          : rightOnly ? tr("%1 is only in %2.").arg(relativePath, m_rightTitle)
                                      : QString());
    m_notice->setVisible(leftOnly || rightOnly);
    emit diffShown(relativePath);
}
