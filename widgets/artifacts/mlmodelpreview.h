#pragma once

#include "mlmodelsummary.h"

#include <QTextBrowser>

// An MLmodel summarised: the model's identity, its flavors with their key fields, the signature
// (inputs, outputs, params) and the requirement files beside it.
class MlModelPreview : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MlModelPreview(QWidget *parent = nullptr);

    void setSummary(const Artifacts::MlModelSummary &summary);
    const Artifacts::MlModelSummary &summary() const { return m_summary; }

    // The summary as HTML (escaped; no scripts, no external resources).
    static QString summaryHtml(const Artifacts::MlModelSummary &summary);

private:
    Artifacts::MlModelSummary m_summary;
};
