#include "artifactspage.h"

#include "artifactdiffview.h"
#include "artifactspane.h"
#include "runartifacts.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

ArtifactsPage::ArtifactsPage(QWidget *parent)
    : QWidget(parent),
      m_pane(new ArtifactsPane(ArtifactsPane::Arrangement::SideBySide, this)),
      m_diffView(new ArtifactDiffView(this)),
      m_stack(new QStackedWidget(this)),
      m_comparePane(new QWidget(this)),
      m_compareLabel(new QLabel(m_comparePane))
{
    m_compareLabel->setObjectName(QStringLiteral("artifactsCompareLabel"));
    m_compareLabel->setWordWrap(true);
    auto *back = new QToolButton(m_comparePane);
    back->setObjectName(QStringLiteral("artifactsBackButton"));
    back->setText(tr("Back to the Current Run"));
    back->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(back, &QToolButton::clicked, this, &ArtifactsPage::showBrowser);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_compareLabel, 1);
    bar->addWidget(back);
    auto *compareLayout = new QVBoxLayout(m_comparePane);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->addLayout(bar);
    compareLayout->addWidget(m_diffView, 1);

    m_stack->addWidget(m_pane);
    m_stack->addWidget(m_comparePane);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

void ArtifactsPage::showRun(const QString &storeLocation, const QString &runId, const QString &runName,
                            const QString &artifactUri)
{
    m_pane->showRun(storeLocation, runId, runName, artifactUri);
}

void ArtifactsPage::compareRuns(const RunRef &left, const RunRef &right)
{
    const quint64 generation = ++m_generation;
    m_diffView->clear();
    m_compareLabel->setText(tr("Looking for the artifacts of %1 and %2…").arg(left.runName, right.runName));
    m_stack->setCurrentWidget(m_comparePane);
    emit comparisonStarted();
    using Found = std::pair<Artifacts::RunArtifacts, Artifacts::RunArtifacts>;
    auto *watcher = new QFutureWatcher<Found>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, left, right] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Found found = watcher->result();
        for (const Artifacts::RunArtifacts &run : {found.first, found.second}) {
            if (!run.location.isLocal()) {
                const QString message = run.message();
                m_compareLabel->setText(message);
                emit compareFailed(message);
                return;
            }
        }
        m_compareLabel->clear(); // the diff view names both runs
        m_diffView->compare(found.first.location.path, left.runName, found.second.location.path,
                            right.runName);
    });
    watcher->setFuture(QtConcurrent::run([left, right] {
        return Found {Artifacts::locateRunArtifacts(left.location, left.runId),
                      Artifacts::locateRunArtifacts(right.location, right.runId)};
    }));
}

bool ArtifactsPage::isComparing() const
{
    return m_stack->currentWidget() == m_comparePane;
}

void ArtifactsPage::showBrowser()
{
    ++m_generation;
    m_stack->setCurrentWidget(m_pane);
}

QString ArtifactsPage::comparisonText() const
{
    return m_compareLabel->text();
}

QByteArray ArtifactsPage::saveState() const
{
    return m_pane->saveState();
}

void ArtifactsPage::restoreState(const QByteArray &state)
{
    m_pane->restoreState(state);
}
