#include "changeconfirmdialog.h"
#include "modelhealthchart.h"
#include "modelhealthpane.h"
#include "modelspage.h"
#include "modelversiontablemodel.h"
#include "registeredmodellistmodel.h"
#include "registryactions.h"
#include "registrywriter.h"
#include "sqlitehandle.h"
#include "stagelanemodel.h"
#include "stagelanesview.h"
#include "storefactory.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUndoStack>

// The Models tab on real stores: what it lists, turning writing on, a transition from request
// through confirmation to the store and back by undo, refusals, and the health plot.
class TestModelsPage : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 T0 = 1700000000000;

    // A page on a fresh copy of the registry store, churn-classifier selected, its versions shown.
    bool openPage(ModelsPage &page, const QString &name)
    {
        m_store = TestSupport::buildRegistryStore(m_dir, name, T0);
        if (m_store.isEmpty())
            return false;
        page.setLocation(m_store);
        page.selectModel(QStringLiteral("churn-classifier"));
        return QTest::qWaitFor([&] { return page.laneModel()->rowCount(page.laneModel()->laneIndex(0)) > 0; },
                               10000);
    }
    bool allowChanges(ModelsPage &page)
    {
        page.allowChangesAction()->setChecked(true);
        return QTest::qWaitFor([&] { return page.isWritable(); }, 10000);
    }
    static ChangeConfirmDialog *confirmation()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<ChangeConfirmDialog *>(w); dialog && dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
    // Stage of each live version as the store holds it now.
    QMap<int, QString> storedStages() const
    {
        QMap<int, QString> stages;
        auto store = Store::openStore(m_store);
        if (!store)
            return stages;
        if (auto versions = (*store)->modelVersions(QStringLiteral("churn-classifier"))) {
            for (const Store::ModelVersion &v : *versions)
                stages[v.version] = v.stage;
        }
        return stages;
    }
    static QStringList laneVersions(ModelsPage &page, int lane)
    {
        QStringList versions;
        const QModelIndex parent = page.laneModel()->laneIndex(lane);
        for (int row = 0; row < page.laneModel()->rowCount(parent); ++row)
            versions << QStringLiteral("v%1").arg(
                page.laneModel()->index(row, 0, parent).data(StageLaneModel::VersionRole).toInt());
        return versions;
    }

    QTemporaryDir m_dir;
    QString m_store;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the activity log and settings stay out of ~
        QVERIFY(m_dir.isValid());
    }
    void listsModelsAndLanes();
    void readOnlyUntilAllowed();
    void allowedChangesFollowTheStore();
    void transitionConfirmWriteUndo();
    void dropOnLaneAsksForTransition();
    void aliasTagAndDescriptionEdits();
    void refusedTransitionWritesNothing();
    void conflictShowsTheNewState();
    void newerSchemaStaysReadOnly();
    void noRegistryMessage();
    void filterModels();
    void healthMarksRetraining();
    void screenshot();
};

void TestModelsPage::listsModelsAndLanes()
{
    ModelsPage page;
    QAbstractItemModelTester listTester(page.modelList());
    QAbstractItemModelTester laneTester(page.laneModel());
    QAbstractItemModelTester versionTester(page.versionTable());
    QVERIFY(openPage(page, QStringLiteral("lanes.db")));
    QCOMPARE(page.modelList()->rowCount(), 2);
    QCOMPARE(page.currentModel(), QStringLiteral("churn-classifier"));
    QCOMPARE(laneVersions(page, StageLaneModel::NoneLane), QStringList {"v4"});
    QCOMPARE(laneVersions(page, StageLaneModel::StagingLane), QStringList {"v3"});
    QCOMPARE(laneVersions(page, StageLaneModel::ProductionLane), QStringList {"v2"});
    QCOMPARE(laneVersions(page, StageLaneModel::ArchivedLane), QStringList {"v1"});
    QCOMPARE(page.versionTable()->rowCount(), 4); // v5 is soft-deleted
    QVERIFY(page.message().isEmpty());
}

void TestModelsPage::readOnlyUntilAllowed()
{
    ModelsPage page;
    QVERIFY(openPage(page, QStringLiteral("readonly.db")));
    QVERIFY(!page.isWritable());
    for (QAction *action : page.actions()->transitionActions())
        QVERIFY(!action->isEnabled());
    QVERIFY(allowChanges(page));
    page.lanesView()->setCurrentVersion(3);
    QCOMPARE(page.currentVersion(), 3);
    for (QAction *action : page.actions()->transitionActions())
        QVERIFY(action->isEnabled());
    page.allowChangesAction()->setChecked(false);
    QVERIFY(QTest::qWaitFor([&] { return !page.isWritable(); }, 5000));
}

// Going to another store and back (the run browser's current store changes with every click
// in another store) keeps what the user allowed; a store closed and opened again is read-only.
void TestModelsPage::allowedChangesFollowTheStore()
{
    ModelsPage page;
    QVERIFY(openPage(page, QStringLiteral("allowed-a.db")));
    const QString first = m_store;
    const QString second = TestSupport::buildRegistryStore(m_dir, QStringLiteral("allowed-b.db"), T0);
    QVERIFY(!second.isEmpty());
    QVERIFY(allowChanges(page));
    page.setLocation(second);
    QVERIFY(!page.isWritable());
    QVERIFY(!page.allowChangesAction()->isChecked());
    QTest::qWait(100);
    QVERIFY(!page.isWritable()); // the second store was never allowed
    page.setLocation(first);
    QVERIFY(QTest::qWaitFor([&] { return page.isWritable(); }, 10000));
    QVERIFY(page.allowChangesAction()->isChecked());
    // Turned off by the user: off when coming back too.
    page.allowChangesAction()->setChecked(false);
    QVERIFY(QTest::qWaitFor([&] { return !page.isWritable(); }, 5000));
    page.setLocation(second);
    page.setLocation(first);
    QTest::qWait(100);
    QVERIFY(!page.isWritable());
    // Closed and opened again: read-only.
    QVERIFY(allowChanges(page));
    page.setLocation(second);
    page.forgetStore(first);
    page.setLocation(first);
    QTest::qWait(100);
    QVERIFY(!page.isWritable());
}

void TestModelsPage::transitionConfirmWriteUndo()
{
    ModelsPage page;
    QVERIFY(openPage(page, QStringLiteral("transition.db")));
    QVERIFY(allowChanges(page));
    page.lanesView()->setCurrentVersion(3);
    page.actions()->requestTransition(3, QStringLiteral("Production"));
    ChangeConfirmDialog *dialog = confirmation();
    QVERIFY(dialog);
    QCOMPARE(dialog->changes(), QStringList {"Version 3: Staging → Production"});
    // Archiving is offered for Production, and the list says what it adds.
    auto *option = dialog->findChild<QCheckBox *>(QStringLiteral("changeOption"));
    QVERIFY(option && option->isVisible());
    option->setChecked(true);
    QCOMPARE(dialog->changes().size(), 2);
    QVERIFY2(dialog->changes().join(u'|').contains(QStringLiteral("Version 2: Production → Archived")),
             qPrintable(dialog->changes().join(u'|')));
    dialog->accept();
    QVERIFY(QTest::qWaitFor([&] { return storedStages().value(3) == QLatin1String("Production"); }, 10000));
    QCOMPARE(storedStages().value(2), QStringLiteral("Archived"));
    QVERIFY(QTest::qWaitFor(
        [&] { return laneVersions(page, StageLaneModel::ProductionLane) == QStringList {"v3"}; }, 10000));
    QCOMPARE(page.undoStack()->count(), 1);

    // Undo restores every version the transition touched.
    page.undoStack()->undo();
    QVERIFY(QTest::qWaitFor([&] { return storedStages().value(3) == QLatin1String("Staging"); }, 10000));
    QCOMPARE(storedStages().value(2), QStringLiteral("Production"));
    QCOMPARE(storedStages().value(1), QStringLiteral("Archived"));
    QVERIFY(QTest::qWaitFor(
        [&] { return laneVersions(page, StageLaneModel::ProductionLane) == QStringList {"v2"}; }, 10000));
    page.undoStack()->redo();
    QVERIFY(QTest::qWaitFor([&] { return storedStages().value(3) == QLatin1String("Production"); }, 10000));
    QCOMPARE(storedStages().value(2), QStringLiteral("Archived"));
}

void TestModelsPage::dropOnLaneAsksForTransition()
{
    ModelsPage page;
    QVERIFY(openPage(page, QStringLiteral("drop.db")));
    QVERIFY(allowChanges(page));
    StageLaneModel *lanes = page.laneModel();
    std::unique_ptr<QMimeData> drag(lanes->mimeData({lanes->indexOfVersion(4)}));
    QVERIFY(drag);
    QVERIFY(lanes->dropMimeData(drag.get(), Qt::MoveAction, -1, -1,
                                lanes->laneIndex(StageLaneModel::StagingLane)));
    ChangeConfirmDialog *dialog = confirmation();
    QVERIFY(dialog);
    QCOMPARE(dialog->changes(), QStringList {"Version 4: None → Staging"});
    dialog->reject();
    QTest::qWait(50);
    QCOMPARE(storedStages().value(4), QStringLiteral("None")); // cancelled: nothing written
    QCOMPARE(page.undoStack()->count(), 0);
}

void TestModelsPage::aliasTagAndDescriptionEdits()
{
    ModelsPage page;
    QVERIFY(openPage(page, QStringLiteral("edits.db")));
    QVERIFY(allowChanges(page));
    page.lanesView()->setCurrentVersion(4);
    const auto stored = [&] {
        auto store = Store::openStore(m_store);
        Store::ModelVersion v4;
        if (store) {
            if (auto versions = (*store)->modelVersions(QStringLiteral("churn-classifier"))) {
                for (const Store::ModelVersion &v : *versions)
                    v4 = v.version == 4 ? v : v4;
            }
        }
        return v4;
    };
    const auto visible = [](auto *type) {
        using Dialog = std::remove_pointer_t<decltype(type)>;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<Dialog *>(w); dialog && dialog->isVisible())
                return dialog;
        }
        return static_cast<Dialog *>(nullptr);
    };

    page.actions()->setAliasAction()->trigger();
    QInputDialog *aliasDialog = visible(static_cast<QInputDialog *>(nullptr));
    QVERIFY(aliasDialog);
    aliasDialog->setTextValue(QStringLiteral("candidate"));
    aliasDialog->accept();
    QVERIFY(QTest::qWaitFor([&] { return stored().aliases.contains(QLatin1String("candidate")); }, 10000));

    page.actions()->setTagAction()->trigger();
    QDialog *tagDialog = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == QLatin1String("tagDialog") && w->isVisible())
            tagDialog = qobject_cast<QDialog *>(w);
    }
    QVERIFY(tagDialog);
    tagDialog->findChild<QLineEdit *>(QStringLiteral("tagKey"))->setText(QStringLiteral("owner"));
    tagDialog->findChild<QPlainTextEdit *>(QStringLiteral("tagValue"))->setPlainText(QStringLiteral("ada"));
    tagDialog->accept();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return stored().tags.contains({QStringLiteral("owner"), QStringLiteral("ada")});
        },
        10000));

    page.actions()->editDescriptionAction()->trigger();
    QDialog *describe = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == QLatin1String("descriptionDialog") && w->isVisible())
            describe = qobject_cast<QDialog *>(w);
    }
    QVERIFY(describe);
    describe->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEditor"))
        ->setPlainText(QStringLiteral("**Ready** for review"));
    QCOMPARE(describe->findChild<QTextBrowser *>(QStringLiteral("descriptionPreview"))->toPlainText(),
             QStringLiteral("Ready for review")); // rendered, not the Markdown source
    describe->accept();
    QVERIFY(QTest::qWaitFor([&] { return stored().description == QLatin1String("**Ready** for review"); },
                            10000));

    // Each edit is one step on the undo stack.
    QCOMPARE(page.undoStack()->count(), 3);
    page.undoStack()->undo();
    page.undoStack()->undo();
    page.undoStack()->undo();
    QVERIFY(QTest::qWaitFor(
        [&] {
            const Store::ModelVersion v4 = stored();
            return v4.aliases.isEmpty() && v4.tags.isEmpty() && v4.description.isEmpty();
        },
        10000));
}

void TestModelsPage::refusedTransitionWritesNothing()
{
    ModelsPage page;
    QVERIFY(openPage(page, QStringLiteral("refused.db")));
    QSignalSpy errors(&page, &ModelsPage::errorOccurred);
    const QByteArray before = TestSupport::fileHash(m_store);
    page.actions()->requestTransition(3, QStringLiteral("Production")); // writing is off: nothing happens
    QVERIFY(!confirmation());
    QVERIFY(allowChanges(page));
    page.actions()->requestTransition(9, QStringLiteral("Production")); // no such version
    QVERIFY(!confirmation());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(TestSupport::fileHash(m_store), before);
}

void TestModelsPage::conflictShowsTheNewState()
{
    ModelsPage page;
    QVERIFY(openPage(page, QStringLiteral("conflict.db")));
    QVERIFY(allowChanges(page));
    // Another process moves v3 after the page read it.
    {
        Store::SqliteConnection db;
        QVERIFY(db.open(m_store, Store::SqliteConnection::Mode::ReadWrite, 1000).ok());
        QVERIFY(
            db.exec("UPDATE model_versions SET current_stage = 'Archived', last_updated_time = 1800000000000 "
                    "WHERE name = 'churn-classifier' AND version = 3")
                .ok());
    }
    QSignalSpy errors(&page, &ModelsPage::errorOccurred);
    page.actions()->requestTransition(3, QStringLiteral("Production"));
    ChangeConfirmDialog *dialog = confirmation();
    QVERIFY(dialog);
    dialog->accept();
    QVERIFY(errors.wait(10000));
    QVERIFY2(errors.first().at(1).toString().contains(QLatin1String("changed")),
             qPrintable(errors.first().at(1).toString()));
    QCOMPARE(storedStages().value(3), QStringLiteral("Archived")); // the other writer's change stands
    QVERIFY(QTest::qWaitFor([&] { return laneVersions(page, StageLaneModel::ArchivedLane).contains("v3"); },
                            10000));
}

void TestModelsPage::newerSchemaStaysReadOnly()
{
    ModelsPage page;
    m_store = TestSupport::buildRegistryStore(m_dir, QStringLiteral("newer.db"), T0);
    {
        Store::SqliteConnection db;
        QVERIFY(db.open(m_store, Store::SqliteConnection::Mode::ReadWrite, 1000).ok());
        QVERIFY(db.exec("UPDATE alembic_version SET version_num = 'ffffffffffff'").ok());
    }
    page.setLocation(m_store);
    QSignalSpy writability(&page, &ModelsPage::writabilityChanged);
    page.allowChangesAction()->setChecked(true);
    QVERIFY(QTest::qWaitFor(
        [&] { return !writability.isEmpty() && !writability.last().at(1).toString().isEmpty(); }, 10000));
    QVERIFY(!page.isWritable());
    QVERIFY(!page.allowChangesAction()->isChecked());
    QVERIFY(writability.last().at(1).toString().contains(QLatin1String("newer")));
}

void TestModelsPage::noRegistryMessage()
{
    ModelsPage page;
    page.setLocation(TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")));
    QVERIFY(
        QTest::qWaitFor([&] { return page.message().contains(QLatin1String("No model registry")); }, 10000));
}

void TestModelsPage::filterModels()
{
    ModelsPage page;
    QVERIFY(openPage(page, QStringLiteral("filter.db")));
    page.filterEdit()->setText(QStringLiteral("tags.team = 'fraud'"));
    QCOMPARE(page.modelList()->rowCount(), 1);
    QCOMPARE(page.modelList()->modelAt(page.modelList()->index(0, 0)).name, QStringLiteral("fraud-detector"));
    page.filterEdit()->setText(QStringLiteral("name LIKE")); // incomplete: the list stays, the box says why
    QCOMPARE(page.modelList()->rowCount(), 1);
    QVERIFY(!page.filterEdit()->toolTip().isEmpty());
    page.filterEdit()->clear();
    QCOMPARE(page.modelList()->rowCount(), 2);
}

void TestModelsPage::healthMarksRetraining()
{
    QTemporaryDir dir;
    const QString demo = TestSupport::buildDemoStore(dir);
    QVERIFY(!demo.isEmpty());
    ModelsPage page;
    page.setLocation(demo);
    QVERIFY(QTest::qWaitFor([&] { return page.modelList()->rowCount() > 0; }, 10000));
    // The demo's model with scheduled evaluations (tagged model_name).
    QString evaluated;
    for (const Store::RegisteredModel &m : page.modelList()->models()) {
        if (m.name.startsWith(QLatin1String("churn")))
            evaluated = m.name;
    }
    QVERIFY(!evaluated.isEmpty());
    page.selectModel(evaluated);
    page.showTab(ModelsPage::HealthTab);
    ModelHealthPane *health = page.healthPane();
    QVERIFY(QTest::qWaitFor([&] { return health->chart()->pointCount() > 0; }, 15000));
    health->thresholdCheck()->setChecked(true);
    health->directionBox()->setCurrentIndex(0); // falls below
    health->thresholdBox()->setValue(1e9); // every value is below: every point needs retraining
    QCOMPARE(health->chart()->retrainingCount(), health->chart()->pointCount());
    health->thresholdBox()->setValue(-1e9);
    QCOMPARE(health->chart()->retrainingCount(), 0);
}

void TestModelsPage::screenshot()
{
    QTemporaryDir dir;
    const QString demo = TestSupport::buildDemoStore(dir);
    QVERIFY(!demo.isEmpty());
    ModelsPage page;
    page.resize(1400, 820);
    page.show();
    page.setLocation(demo);
    QVERIFY(QTest::qWaitFor([&] { return page.modelList()->rowCount() > 0; }, 10000));
    page.selectModel(QStringLiteral("churn-predictor"));
    QVERIFY(QTest::qWaitFor([&] { return page.versionTable()->rowCount() > 0; }, 10000));
    QTest::qWait(100);
    VERIFY_SCREENSHOT(
        &page, WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_MODELS", dir.filePath("models.png")));
    QVERIFY(allowChanges(page));
    const Store::ModelVersion first = page.versionTable()->versionAt(page.versionTable()->index(0, 0));
    page.actions()->requestTransition(first.version, QStringLiteral("Production"));
    ChangeConfirmDialog *dialog = confirmation();
    QVERIFY(dialog);
    if (auto *option = dialog->findChild<QCheckBox *>(QStringLiteral("changeOption"));
        option && option->isVisible())
        option->setChecked(true);
    QTest::qWait(50);
    VERIFY_SCREENSHOT(
        dialog, WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_CONFIRM", dir.filePath("confirm.png")));
    dialog->reject();
    page.showTab(ModelsPage::HealthTab);
    ModelHealthPane *health = page.healthPane();
    QVERIFY(QTest::qWaitFor([&] { return health->chart()->pointCount() > 0; }, 15000));
    // The demo's retraining rule for churn-predictor: auc below 0.80.
    health->metricBox()->setCurrentText(QStringLiteral("auc"));
    health->thresholdCheck()->setChecked(true);
    health->directionBox()->setCurrentIndex(0);
    health->thresholdBox()->setValue(0.80);
    QVERIFY(health->chart()->retrainingCount() > 0);
    QTest::qWait(100);
    VERIFY_SCREENSHOT(
        &page, WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_HEALTH", dir.filePath("health.png")));
}

QTEST_MAIN(TestModelsPage)
#include "tst_modelspage.moc"
