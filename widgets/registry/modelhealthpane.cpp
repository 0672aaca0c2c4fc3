#include "modelhealthpane.h"

#include "modelhealthchart.h"
#include "storelocation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

ModelHealthPane::ModelHealthPane(QWidget *parent)
    : QWidget(parent),
      m_loader(new ModelHealthLoader(this)),
      m_metric(new QComboBox(this)),
      m_useThreshold(new QCheckBox(tr("Needs retraining when"), this)),
      m_threshold(new QDoubleSpinBox(this)),
      m_direction(new QComboBox(this)),
      m_summary(new QLabel(this)),
      m_chart(new ModelHealthChart(this))
{
    setObjectName(QStringLiteral("modelHealthPane"));
    m_metric->setObjectName(QStringLiteral("healthMetric"));
    m_metric->setMinimumContentsLength(16);
    m_threshold->setObjectName(QStringLiteral("healthThreshold"));
    m_threshold->setDecimals(4);
    m_threshold->setRange(-1e12, 1e12);
    m_threshold->setSingleStep(0.01);
    m_direction->addItem(tr("falls below"), int(ModelHealth::Direction::HigherIsBetter));
    m_direction->addItem(tr("rises above"), int(ModelHealth::Direction::LowerIsBetter));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Metric:"), this));
    controls->addWidget(m_metric);
    controls->addSpacing(12);
    controls->addWidget(m_useThreshold);
    controls->addWidget(m_direction);
    controls->addWidget(m_threshold);
    controls->addStretch(1);
    controls->addWidget(m_summary);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);

    connect(m_loader, &ModelHealthLoader::loaded, this, &ModelHealthPane::onLoaded);
    connect(m_loader, &ModelHealthLoader::loadFailed, this,
            [this](const Store::Error &error) { m_summary->setText(error.message); });
    connect(m_chart, &ModelHealthChart::runActivated, this, [this](const QString &runId) {
        for (const ModelHealth::LinkedRun &linked : std::as_const(m_data.linked)) {
            const Store::RunAttributes &run = m_data.runs.run(linked.row);
            if (run.runId == runId)
                emit runActivated(run.experimentId, runId);
        }
    });
    for (QComboBox *box : {m_metric, m_direction})
        connect(box, &QComboBox::currentIndexChanged, this, &ModelHealthPane::redraw);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &ModelHealthPane::redraw);
    connect(m_useThreshold, &QCheckBox::toggled, this, &ModelHealthPane::redraw);
}

void ModelHealthPane::load(const QString &location, const QString &model,
                           const Store::ModelVersionList &versions)
{
    if (location == m_location && model == m_model && versions.size() == m_versions.size()
        && !m_loader->isLoading() && m_data.model == model)
        return;
    m_location = location;
    m_model = model;
    m_versions = versions;
    if (model.isEmpty())
        return;
    m_summary->setText(tr("Reading the runs of %1…").arg(model));
    m_loader->setLocation(location);
    m_loader->load(model, versions);
}

QString ModelHealthPane::settingsPrefix() const
{
    return QStringLiteral("ModelHealth/%1/%2/")
        .arg(QString::fromLatin1(
                 Store::Location::normalize(m_location).toUtf8().toBase64(QByteArray::Base64UrlEncoding)),
             QString::fromLatin1(m_model.toUtf8().toBase64(QByteArray::Base64UrlEncoding)));
}

void ModelHealthPane::onLoaded(const ModelHealthData &data)
{
    m_data = data;
    const QSettings settings;
    const QString prefix = settingsPrefix();
    m_restoring = true;
    m_metric->clear();
    m_metric->addItems(data.metricKeys);
    const QString metric = settings.value(prefix + QStringLiteral("metric")).toString();
    if (data.metricKeys.contains(metric))
        m_metric->setCurrentText(metric);
    m_useThreshold->setChecked(settings.contains(prefix + QStringLiteral("threshold")));
    m_threshold->setValue(settings.value(prefix + QStringLiteral("threshold")).toDouble());
    m_direction->setCurrentIndex(settings.value(prefix + QStringLiteral("direction")).toInt());
    m_restoring = false;
    redraw();
    emit loaded();
}

void ModelHealthPane::redraw()
{
    if (m_restoring)
        return;
    m_threshold->setEnabled(m_useThreshold->isChecked());
    m_direction->setEnabled(m_useThreshold->isChecked());
    std::optional<ModelHealth::Threshold> threshold;
    if (m_useThreshold->isChecked())
        threshold = ModelHealth::Threshold {m_threshold->value(),
                                            ModelHealth::Direction(m_direction->currentData().toInt())};
    const QString metric = m_metric->currentText();
    const QList<ModelHealth::Point> points = m_data.points(metric, threshold);
    m_chart->setPoints(metric, points, threshold);
    int evaluations = 0;
    for (const ModelHealth::Point &p : points)
        evaluations += p.isEvaluation ? 1 : 0;
    if (m_data.linked.isEmpty())
        m_summary->setText(tr("No run of this store is linked to %1").arg(m_model));
    else
        m_summary->setText(tr("Runs: %1 from versions, %2 evaluations tagged model_name")
                               .arg(points.size() - evaluations)
                               .arg(evaluations));
    saveChoice();
}

void ModelHealthPane::saveChoice() const
{
    if (m_model.isEmpty() || m_metric->currentText().isEmpty())
        return;
    QSettings settings;
    const QString prefix = settingsPrefix();
    settings.setValue(prefix + QStringLiteral("metric"), m_metric->currentText());
    if (m_useThreshold->isChecked())
        settings.setValue(prefix + QStringLiteral("threshold"), m_threshold->value());
    else
        settings.remove(prefix + QStringLiteral("threshold"));
    settings.setValue(prefix + QStringLiteral("direction"), m_direction->currentIndex());
}
