#pragma once

#include "curvemath.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QTimer;

// The charts page's toolbar: x axis, log scale, outlier-proof y range, smoothing weight,
// combined keys, synced zoom, zoom reset and export. It says what the user chose; the page
// applies it and shows the result back (showXAxis, showSmoothing).
class ChartsToolBar : public QToolBar
{
    Q_OBJECT
public:
    explicit ChartsToolBar(QWidget *parent = nullptr);

    // Without emitting xAxisChosen or smoothingChosen.
    void showXAxis(CurveMath::XAxis axis);
    void showSmoothing(double weight);

    QComboBox *xAxisBox() const { return m_xAxisBox; }
    QSlider *smoothingSlider() const { return m_smoothingSlider; }
    QLabel *smoothingLabel() const { return m_smoothingLabel; }
    QAction *logYAction() const { return m_logYAction; }
    QAction *ignoreOutliersAction() const { return m_ignoreOutliersAction; }
    QAction *combineKeysAction() const { return m_combineKeysAction; }
    QAction *syncZoomAction() const { return m_syncZoomAction; }
    QAction *resetZoomAction() const { return m_resetZoomAction; }
    QAction *exportAction() const { return m_exportAction; }

signals:
    void xAxisChosen(CurveMath::XAxis axis);
    // The slider's weight once a drag pauses.
    void smoothingChosen(double weight);

private:
    void createActions();

    QComboBox *m_xAxisBox = nullptr;
    QSlider *m_smoothingSlider = nullptr;
    QLabel *m_smoothingLabel = nullptr;
    QTimer *m_smoothingTimer = nullptr;
    QAction *m_logYAction = nullptr;
    QAction *m_ignoreOutliersAction = nullptr;
    QAction *m_combineKeysAction = nullptr;
    QAction *m_syncZoomAction = nullptr;
    QAction *m_resetZoomAction = nullptr;
    QAction *m_exportAction = nullptr;
};
