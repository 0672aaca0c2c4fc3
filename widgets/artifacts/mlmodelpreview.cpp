#include "mlmodelpreview.h"

#include "artifactentry.h"

#include <QLocale>

using Artifacts::MlModelField;
using Artifacts::MlModelSummary;

namespace {

QString cell(const QString &text, const char *tag = "td")
{
    return QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), text.toHtmlEscaped());
}

QString fieldsTable(const QList<MlModelField> &fields)
{
    QString html
        = QStringLiteral("<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:collapse'>"
                         "<tr>%1%2%3</tr>")
              .arg(cell(MlModelPreview::tr("Name"), "th"), cell(MlModelPreview::tr("Type"), "th"),
                   cell(MlModelPreview::tr("Shape"), "th"));
    for (const MlModelField &field : fields)
        html += QStringLiteral("<tr>%1%2%3</tr>")
                    .arg(cell(field.name.isEmpty() ? MlModelPreview::tr("(tensor)") : field.name),
                         cell(field.type), cell(field.shape));
    return html + QStringLiteral("</table>");
}

QString row(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return {};
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
        .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

MlModelPreview::MlModelPreview(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("mlModelPreview"));
    setOpenLinks(false);
}

void MlModelPreview::setSummary(const MlModelSummary &summary)
{
    m_summary = summary;
    setHtml(summaryHtml(summary));
}

QString MlModelPreview::summaryHtml(const MlModelSummary &s)
{
    const QLocale locale;
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing='0' cellpadding='2'>")
                       .arg(tr("Model").toHtmlEscaped());
    html += row(tr("Run ID"), s.runId) + row(tr("Model UUID"), s.modelUuid) + row(tr("Model ID"), s.modelId)
        + row(tr("Artifact path"), s.artifactPath) + row(tr("Created (UTC)"), s.utcTimeCreated)
        + row(tr("MLflow version"), s.mlflowVersion)
        + row(tr("Model size"), s.modelSizeBytes >= 0 ? Artifacts::formatSize(s.modelSizeBytes) : QString());
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Flavors (%1)").arg(s.flavors.size()).toHtmlEscaped());
    for (const Artifacts::MlModelFlavor &flavor : s.flavors) {
        html += QStringLiteral(
                    "<p><b>%1</b></p><table cellspacing='0' cellpadding='2' style='margin-left:16px'>")
                    .arg(flavor.name.toHtmlEscaped());
        for (const auto &[key, value] : flavor.fields)
            html += QStringLiteral("<tr><td>%1</td><td><tt>%2</tt></td></tr>")
                        .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Signature").toHtmlEscaped());
    if (!s.hasSignature) {
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("The model was logged without a signature.").toHtmlEscaped());
    } else {
        if (!s.signatureError.isEmpty())
            html += QStringLiteral("<p style='color:#8a1c12'>%1</p>").arg(s.signatureError.toHtmlEscaped());
        html += QStringLiteral("<p><b>%1</b></p>").arg(tr("Inputs (%1)").arg(s.inputs.size()).toHtmlEscaped())
            + fieldsTable(s.inputs);
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("Outputs (%1)").arg(s.outputs.size()).toHtmlEscaped())
            + fieldsTable(s.outputs);
        if (!s.params.isEmpty()) {
            html += QStringLiteral("<p><b>%1</b></p><table cellspacing='0' cellpadding='3' border='1' "
                                   "style='border-collapse:collapse'><tr>%2%3%4%5</tr>")
                        .arg(tr("Parameters (%1)").arg(s.params.size()).toHtmlEscaped(),
                             cell(tr("Name"), "th"), cell(tr("Type"), "th"), cell(tr("Default"), "th"),
                             cell(tr("Shape"), "th"));
            for (const Artifacts::MlModelParam &param : s.params)
                html += QStringLiteral("<tr>%1%2%3%4</tr>")
                            .arg(cell(param.name), cell(param.type), cell(param.defaultValue),
                                 cell(param.shape));
            html += QStringLiteral("</table>");
        }
    }

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Requirements").toHtmlEscaped());
    if (s.requirements.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("No requirements.txt, conda.yaml or python_env.yaml beside MLmodel.")
                             .toHtmlEscaped());
    for (const Artifacts::RequirementFile &file : s.requirements) {
        html += QStringLiteral("<p><b>%1</b> (%2)%3</p><pre>%4</pre>")
                    .arg(file.name.toHtmlEscaped(), Artifacts::formatSize(file.size),
                         file.truncated ? QStringLiteral(" — ") + tr("the beginning").toHtmlEscaped()
                                        : QString(),
                         file.content.toHtmlEscaped());
    }
    return html;
}
