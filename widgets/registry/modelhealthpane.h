#pragma once

#include "modelhealthloader.h"

#include <QWidget>

class ModelHealthChart;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

// The Health tab: a metric of the model's runs over time (ModelHealthChart), with the metric,
// a threshold and its direction chosen above it. The choice is remembered per store and model.
class ModelHealthPane : public QWidget
{
    Q_OBJECT
public:
    explicit ModelHealthPane(QWidget *parent = nullptr);

    // Reads the model's runs (on a worker) unless they are loaded already.
    void load(const QString &location, const QString &model, const Store::ModelVersionList &versions);
    ModelHealthChart *chart() const { return m_chart; }
    QComboBox *metricBox() const { return m_metric; }
    QDoubleSpinBox *thresholdBox() const { return m_threshold; }
    QCheckBox *thresholdCheck() const { return m_useThreshold; }
    QComboBox *directionBox() const { return m_direction; }
    bool isLoading() const { return m_loader->isLoading(); }

signals:
    void runActivated(const QString &experimentId, const QString &runId);
    void loaded();

private:
    void onLoaded(const ModelHealthData &data);
    void redraw();
    void saveChoice() const;
    QString settingsPrefix() const;

    ModelHealthLoader *m_loader;
    ModelHealthData m_data;
    QString m_location;
    QString m_model;
    Store::ModelVersionList m_versions;
    QComboBox *m_metric;
    QCheckBox *m_useThreshold;
    QDoubleSpinBox *m_threshold;
    QComboBox *m_direction;
    QLabel *m_summary;
    ModelHealthChart *m_chart;
    bool m_restoring = false;
};
