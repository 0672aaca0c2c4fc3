#include "rundetailsview.h"

#include "runcolors.h"
#include "rundetailsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

RunDetailsView::RunDetailsView(RunDetailsModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_title(new QLabel(this)),
      m_splitter(new QSplitter(Qt::Vertical, this)),
      m_tree(new QTreeView(m_splitter)),
      m_notePane(new QWidget(m_splitter)),
      m_note(new QTextBrowser(m_notePane))
{
    m_title->setObjectName(QStringLiteral("runTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);

    m_tree->setObjectName(QStringLiteral("runDetailsView"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(RunDetailsModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(RunDetailsModel::StepColumn, QHeaderView::ResizeToContents);

    auto *noteTitle = new QLabel(tr("<b>Note</b>"), m_notePane);
    m_note->setObjectName(QStringLiteral("runNote"));
    m_note->setOpenExternalLinks(true);
    auto *noteLayout = new QVBoxLayout(m_notePane);
    noteLayout->setContentsMargins(0, 4, 0, 0);
    noteLayout->setSpacing(2);
    noteLayout->addWidget(noteTitle);
    noteLayout->addWidget(m_note);

    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_splitter, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &RunDetailsView::refresh);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    m_tree->expand(m_model->index(row, 0));
            });
    refresh();
}

QString RunDetailsView::title() const
{
    return m_title->text();
}

void RunDetailsView::refresh()
{
    if (!m_model->hasRun()) {
        m_title->setText(tr("<i>No run selected</i>"));
        m_note->clear();
        m_notePane->hide();
        return;
    }
    const QString colour = RunColors::color(m_model->colorKey()).name();
    m_title->setText(QStringLiteral("<span style=\"color:%1\">&#9632;</span> <b>%2</b>")
                         .arg(colour, m_model->runName().toHtmlEscaped()));
    m_tree->expandAll();
    m_tree->resizeColumnToContents(RunDetailsModel::KeyColumn);
    // Long keys elide rather than push the values out of sight.
    const int maxKeyWidth = fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28;
    if (m_tree->columnWidth(RunDetailsModel::KeyColumn) > maxKeyWidth)
        m_tree->setColumnWidth(RunDetailsModel::KeyColumn, maxKeyWidth);
    const QString note = m_model->note();
    m_note->setMarkdown(note);
    const bool hadNote = m_notePane->isVisibleTo(this);
    m_notePane->setVisible(!note.isEmpty());
    // A pane shown again gets what the splitter had left for it, which may be nothing.
    const QList<int> sizes = m_splitter->sizes();
    if (!note.isEmpty() && !hadNote && sizes.value(1) < m_note->fontMetrics().height() * 6) {
        const int total = sizes.value(0) + sizes.value(1);
        m_splitter->setSizes({total * 3 / 5, total * 2 / 5});
    }
}

QByteArray RunDetailsView::saveState() const
{
    return m_splitter->saveState();
}

void RunDetailsView::restoreState(const QByteArray &state)
{
    m_splitter->restoreState(state);
}
