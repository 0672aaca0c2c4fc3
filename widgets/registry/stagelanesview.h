#pragma once

#include <QWidget>

#include <array>

class QLabel;
class QListView;
class StageLaneModel;

// The versions of a registered model as four stage lanes side by side (None, Staging,
// Production, Archived), a card per version. Cards are dragged onto another lane to ask for a
// transition (the model emits transitionRequested). One card is current across the lanes.
class StageLanesView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int LaneCount = 4;

    explicit StageLanesView(QWidget *parent = nullptr);

    void setModel(StageLaneModel *model);
    StageLaneModel *model() const { return m_model; }

    // The current card's version, 0 when none is.
    int currentVersion() const;
    void setCurrentVersion(int version);
    // A remark under a lane's title, e.g. how long its version has been there, in `color`
    // (invalid: the normal text colour).
    void setLaneNote(int lane, const QString &text, const QColor &color, const QString &toolTip = {});
    QListView *laneView(int lane) const { return m_lanes[size_t(lane)].view; }

signals:
    void currentVersionChanged(int version);
    // A card (version) or a lane's empty space (version 0) was right-clicked.
    void contextMenuRequested(int version, const QPoint &globalPos);
    void versionActivated(int version); // double-click or Return

private:
    struct Lane
    {
        QLabel *title = nullptr;
        QLabel *note = nullptr;
        QListView *view = nullptr;
    };
    void updateTitles();
    void onCurrentChanged(int lane);

    StageLaneModel *m_model = nullptr;
    std::array<Lane, LaneCount> m_lanes;
    int m_currentVersion = 0;
};
