#include "stagelanesview.h"

#include "stagelanemodel.h"
#include "versioncarddelegate.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

StageLanesView::StageLanesView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *delegate = new VersionCardDelegate(this);
    for (int lane = 0; lane < LaneCount; ++lane) {
        Lane &l = m_lanes[size_t(lane)];
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        l.title = new QLabel(this);
        l.title->setObjectName(QStringLiteral("laneTitle%1").arg(lane));
        l.note = new QLabel(this);
        l.note->setObjectName(QStringLiteral("laneNote%1").arg(lane));
        l.view = new QListView(this);
        l.view->setObjectName(QStringLiteral("lane%1").arg(lane));
        l.view->setItemDelegate(delegate);
        l.view->setSelectionMode(QAbstractItemView::SingleSelection);
        l.view->setDragDropMode(QAbstractItemView::DragDrop);
        l.view->setDefaultDropAction(Qt::MoveAction);
        l.view->setDropIndicatorShown(true);
        l.view->setUniformItemSizes(true);
        l.view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        l.view->setContextMenuPolicy(Qt::CustomContextMenu);
        l.view->setAlternatingRowColors(false);
        QPalette palette = l.view->palette();
        palette.setColor(QPalette::Base, palette.color(QPalette::Window).darker(104));
        l.view->setPalette(palette);
        connect(l.view, &QWidget::customContextMenuRequested, this, [this, lane](const QPoint &pos) {
            QListView *view = m_lanes[size_t(lane)].view;
            const QModelIndex index = view->indexAt(pos);
            if (index.isValid())
                view->setCurrentIndex(index);
            emit contextMenuRequested(index.isValid() ? index.data(StageLaneModel::VersionRole).toInt() : 0,
                                      view->viewport()->mapToGlobal(pos));
        });
        connect(l.view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
            emit versionActivated(index.data(StageLaneModel::VersionRole).toInt());
        });
        column->addWidget(l.title);
        column->addWidget(l.note);
        column->addWidget(l.view, 1);
        layout->addLayout(column, 1);
    }
}

void StageLanesView::setModel(StageLaneModel *model)
{
    m_model = model;
    for (int lane = 0; lane < LaneCount; ++lane) {
        QListView *view = m_lanes[size_t(lane)].view;
        view->setModel(model);
        view->setRootIndex(model->laneIndex(lane));
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, lane] { onCurrentChanged(lane); });
    }
    // Every lane view shares the model; a reset, an insertion, a removal or a move may change
    // any lane's count.
    connect(model, &QAbstractItemModel::modelReset, this, &StageLanesView::updateTitles);
    connect(model, &QAbstractItemModel::layoutChanged, this, &StageLanesView::updateTitles);
    connect(model, &QAbstractItemModel::rowsInserted, this, &StageLanesView::updateTitles);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &StageLanesView::updateTitles);
    connect(model, &QAbstractItemModel::rowsMoved, this, &StageLanesView::updateTitles);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        for (int lane = 0; lane < LaneCount; ++lane)
            m_lanes[size_t(lane)].view->setRootIndex(m_model->laneIndex(lane));
    });
    updateTitles();
}

void StageLanesView::updateTitles()
{
    if (!m_model)
        return;
    for (int lane = 0; lane < LaneCount; ++lane) {
        const QModelIndex index = m_model->laneIndex(lane);
        m_lanes[size_t(lane)].title->setText(QStringLiteral("<b>%1</b> <span style=\"color: gray\">%2</span>")
                                                 .arg(StageLaneModel::stageOfLane(lane).toHtmlEscaped())
                                                 .arg(m_model->rowCount(index)));
    }
}

void StageLanesView::setLaneNote(int lane, const QString &text, const QColor &color, const QString &toolTip)
{
    QLabel *note = m_lanes[size_t(lane)].note;
    note->setText(text);
    note->setToolTip(toolTip);
    note->setStyleSheet(color.isValid() ? QStringLiteral("color: %1; font-weight: bold").arg(color.name())
                                        : QString());
}

int StageLanesView::currentVersion() const
{
    return m_currentVersion;
}

void StageLanesView::setCurrentVersion(int version)
{
    if (!m_model)
        return;
    const QModelIndex index = m_model->indexOfVersion(version);
    if (!index.isValid())
        return;
    QListView *view = m_lanes[size_t(m_model->laneOf(index))].view;
    view->setCurrentIndex(index);
    view->scrollTo(index);
}

void StageLanesView::onCurrentChanged(int lane)
{
    QListView *view = m_lanes[size_t(lane)].view;
    const QModelIndex current = view->currentIndex();
    if (!current.isValid() || !view->selectionModel()->isSelected(current)) {
        if (!current.isValid() && m_model->laneOf(m_model->indexOfVersion(m_currentVersion)) == lane) {
            m_currentVersion = 0;
            emit currentVersionChanged(0);
        }
        return;
    }
    // One current card across the lanes: the others lose theirs (their handlers then see that
    // the current version is not in their lane and stay quiet).
    const int version = current.data(StageLaneModel::VersionRole).toInt();
    const bool changed = version != m_currentVersion;
    m_currentVersion = version;
    for (int other = 0; other < LaneCount; ++other) {
        if (other != lane)
            m_lanes[size_t(other)].view->selectionModel()->clear();
    }
    if (changed)
        emit currentVersionChanged(version);
}
