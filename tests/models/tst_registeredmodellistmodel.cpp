#include "registeredmodellistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

Store::RegisteredModel registeredModel(const QString &name, qint64 lastUpdated = 1'700'000'000'000)
{
    Store::RegisteredModel model;
    model.name = name;
    model.creationTime = lastUpdated - 1000;
    model.lastUpdatedTime = lastUpdated;
    return model;
}

Store::RegisteredModelList modelsNamed(const QStringList &names)
{
    Store::RegisteredModelList models;
    for (const QString &name : names)
        models.append(registeredModel(name));
    return models;
}

QStringList namesIn(const RegisteredModelListModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, RegisteredModelListModel::NameColumn).data().toString());
    return names;
}

} // namespace

class TestRegisteredModelListModel : public QObject
{
    Q_OBJECT
private slots:
    void headers();
    void values();
    void sortValues();
    void emptyCells();
    void keepsRows_data();
    void keepsRows();
    void reorderResets();
    void refreshReportsNewValues();
};

void TestRegisteredModelListModel::headers()
{
    RegisteredModelListModel model;
    QCOMPARE(model.columnCount(), int(RegisteredModelListModel::ColumnCount));
    QStringList titles;
    for (int column = 0; column < model.columnCount(); ++column)
        titles.append(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(titles,
             QStringList({"Name", "Description", "None", "Staging", "Production", "Archived", "Aliases",
                          "Tags", "Last updated"}));
    QCOMPARE(model
                 .headerData(RegisteredModelListModel::ProductionColumn, Qt::Horizontal,
                             RegisteredModelListModel::StageRole)
                 .toString(),
             QStringLiteral("Production"));
    QVERIFY(!model
                 .headerData(RegisteredModelListModel::NameColumn, Qt::Horizontal,
                             RegisteredModelListModel::StageRole)
                 .isValid());
    QCOMPARE(RegisteredModelListModel::stageOfColumn(RegisteredModelListModel::NoneColumn),
             QStringLiteral("None"));
    QCOMPARE(RegisteredModelListModel::stageOfColumn(RegisteredModelListModel::ArchivedColumn),
             QStringLiteral("Archived"));
    QCOMPARE(RegisteredModelListModel::stageOfColumn(RegisteredModelListModel::TagsColumn), QString());
}

void TestRegisteredModelListModel::values()
{
    RegisteredModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Store::RegisteredModel classifier = registeredModel(QStringLiteral("classifier"));
    classifier.description = QStringLiteral("\n# Digit classifier\n\nA small CNN trained on MNIST.");
    classifier.latestVersions = {{QStringLiteral("None"), 5}, {QStringLiteral("Production"), 3}};
    classifier.aliases = {{QStringLiteral("champion"), 3}, {QStringLiteral("challenger"), 5}};
    classifier.tags
        = {{QStringLiteral("task"), QStringLiteral("vision")}, {QStringLiteral("team"), QString(60, 'x')}};
    model.setModels({classifier, registeredModel(QStringLiteral("ranker"))});

    QCOMPARE(model.rowCount(), 2);
    const auto cell = [&](int column) { return model.index(0, column); };
    QCOMPARE(cell(RegisteredModelListModel::NameColumn).data().toString(), QStringLiteral("classifier"));
    QCOMPARE(cell(RegisteredModelListModel::DescriptionColumn).data().toString(),
             QStringLiteral("Digit classifier"));
    QCOMPARE(cell(RegisteredModelListModel::NoneColumn).data().toString(), QStringLiteral("v5"));
    QCOMPARE(cell(RegisteredModelListModel::ProductionColumn).data().toString(), QStringLiteral("v3"));
    QVERIFY(!cell(RegisteredModelListModel::StagingColumn).data().isValid());
    QCOMPARE(cell(RegisteredModelListModel::AliasesColumn).data().toString(),
             QStringLiteral("challenger: v5, champion: v3"));
    const QString tags = cell(RegisteredModelListModel::TagsColumn).data().toString();
    QVERIFY2(tags.startsWith(QStringLiteral("task=vision, team=xxx")), qPrintable(tags));
    QVERIFY2(tags.size() < 60, qPrintable(tags)); // the long value is elided ...
    QVERIFY(cell(RegisteredModelListModel::TagsColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QString(60, 'x')));
    QVERIFY(!cell(RegisteredModelListModel::LastUpdatedColumn).data().toString().isEmpty());

    // Roles.
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(cell(column).data(RegisteredModelListModel::ModelNameRole).toString(),
                 QStringLiteral("classifier"));
    QCOMPARE(
        cell(RegisteredModelListModel::ProductionColumn).data(RegisteredModelListModel::VersionRole).toInt(),
        3);
    QCOMPARE(
        cell(RegisteredModelListModel::ProductionColumn).data(RegisteredModelListModel::StageRole).toString(),
        QStringLiteral("Production"));
    QVERIFY(
        !cell(RegisteredModelListModel::StagingColumn).data(RegisteredModelListModel::VersionRole).isValid());
    QCOMPARE(
        cell(RegisteredModelListModel::NameColumn).data(RegisteredModelListModel::DescriptionRole).toString(),
        classifier.description);
    QVERIFY(cell(RegisteredModelListModel::NameColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("MNIST")));

    // Typed accessors.
    QCOMPARE(model.modelAt(model.index(1, RegisteredModelListModel::TagsColumn)).name,
             QStringLiteral("ranker"));
    QCOMPARE(model.modelAt({}).name, QString());
    QCOMPARE(model.modelName(cell(RegisteredModelListModel::AliasesColumn)), QStringLiteral("classifier"));
    QCOMPARE(model.indexOfModel(QStringLiteral("ranker")).row(), 1);
    QVERIFY(!model.indexOfModel(QStringLiteral("nope")).isValid());
}

void TestRegisteredModelListModel::sortValues()
{
    RegisteredModelListModel model;
    Store::RegisteredModel older = registeredModel(QStringLiteral("a"), 1000);
    older.latestVersions = {{QStringLiteral("Staging"), 10}};
    Store::RegisteredModel newer = registeredModel(QStringLiteral("b"), 2000);
    newer.latestVersions = {{QStringLiteral("Staging"), 9}};
    model.setModels({older, newer});

    const auto sortValue = [&](int row, int column) {
        return model.index(row, column).data(RegisteredModelListModel::SortRole);
    };
    // Versions sort as numbers (10 after 9), times as times.
    QCOMPARE(sortValue(0, RegisteredModelListModel::StagingColumn).typeId(), QMetaType::Int);
    QVERIFY(sortValue(0, RegisteredModelListModel::StagingColumn).toInt()
            > sortValue(1, RegisteredModelListModel::StagingColumn).toInt());
    QCOMPARE(sortValue(0, RegisteredModelListModel::LastUpdatedColumn).typeId(), QMetaType::LongLong);
    QCOMPARE(sortValue(0, RegisteredModelListModel::LastUpdatedColumn).toLongLong(), 1000);
    QCOMPARE(sortValue(1, RegisteredModelListModel::NameColumn).toString(), QStringLiteral("b"));
    // No version in a stage: no sort value (a proxy puts it apart from every version).
    QVERIFY(!sortValue(0, RegisteredModelListModel::ProductionColumn).isValid());
}

void TestRegisteredModelListModel::emptyCells()
{
    RegisteredModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Store::RegisteredModel bare;
    bare.name = QStringLiteral("bare");
    model.setModels({bare});
    QCOMPARE(model.index(0, RegisteredModelListModel::DescriptionColumn).data().toString(), QString());
    QCOMPARE(model.index(0, RegisteredModelListModel::AliasesColumn).data().toString(), QString());
    QCOMPARE(model.index(0, RegisteredModelListModel::TagsColumn).data().toString(), QString());
    QCOMPARE(model.index(0, RegisteredModelListModel::LastUpdatedColumn).data().toString(), QString());
    QVERIFY(!model.index(0, RegisteredModelListModel::LastUpdatedColumn)
                 .data(RegisteredModelListModel::SortRole)
                 .isValid());
    model.setModels({});
    QCOMPARE(model.rowCount(), 0);
}

void TestRegisteredModelListModel::keepsRows_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<int>("removed"); // rowsRemoved signals
    QTest::addColumn<int>("inserted"); // rowsInserted signals
    QTest::addRow("same") << QStringList {"a", "c", "e"} << QStringList {"a", "c", "e"} << 0 << 0;
    QTest::addRow("from empty") << QStringList {} << QStringList {"a", "c"} << 0 << 1;
    QTest::addRow("to empty") << QStringList {"a", "c"} << QStringList {} << 1 << 0;
    QTest::addRow("insert first") << QStringList {"c", "e"} << QStringList {"a", "b", "c", "e"} << 0 << 1;
    QTest::addRow("insert between") << QStringList {"a", "e"} << QStringList {"a", "c", "d", "e"} << 0 << 1;
    QTest::addRow("insert last") << QStringList {"a", "c"} << QStringList {"a", "c", "e"} << 0 << 1;
    QTest::addRow("remove runs") << QStringList {"a", "b", "c", "d", "e"} << QStringList {"c"} << 2 << 0;
    QTest::addRow("remove and insert")
        << QStringList {"a", "b", "c", "e"} << QStringList {"a", "c", "d", "f"} << 2 << 1;
    QTest::addRow("replace all") << QStringList {"a", "b"} << QStringList {"c", "d"} << 1 << 1;
}

void TestRegisteredModelListModel::keepsRows()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(int, removed);
    QFETCH(int, inserted);

    RegisteredModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(modelsNamed(before));
    QList<QPersistentModelIndex> kept;
    for (int row = 0; row < model.rowCount(); ++row)
        kept.append(QPersistentModelIndex(model.index(row, RegisteredModelListModel::TagsColumn)));

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy insertions(&model, &QAbstractItemModel::rowsInserted);
    model.setModels(modelsNamed(after));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(removals.count(), removed);
    QCOMPARE(insertions.count(), inserted);
    QCOMPARE(namesIn(model), after);
    // A model still there keeps its (persistent) index, and so a view's selection of it.
    for (int i = 0; i < before.size(); ++i) {
        if (after.contains(before.at(i))) {
            QVERIFY(kept.at(i).isValid());
            QCOMPARE(kept.at(i).data(RegisteredModelListModel::ModelNameRole).toString(), before.at(i));
            QCOMPARE(kept.at(i).column(), int(RegisteredModelListModel::TagsColumn));
        } else {
            QVERIFY(!kept.at(i).isValid());
        }
    }
}

void TestRegisteredModelListModel::reorderResets()
{
    RegisteredModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(modelsNamed({"a", "b", "c"}));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setModels(modelsNamed({"c", "a", "d"}));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(namesIn(model), QStringList({"c", "a", "d"}));
    // A list naming one model twice is no store's; it is shown as given.
    model.setModels(modelsNamed({"c", "c"}));
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.rowCount(), 2);
}

void TestRegisteredModelListModel::refreshReportsNewValues()
{
    RegisteredModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(modelsNamed({"a", "b"}));
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    Store::RegisteredModelList refreshed = modelsNamed({"a", "b"});
    refreshed[1].latestVersions = {{QStringLiteral("Production"), 2}};
    model.setModels(refreshed);
    QVERIFY(changes.count() >= 1);
    const QModelIndex cell = model.index(1, RegisteredModelListModel::ProductionColumn);
    const bool covered = std::any_of(changes.cbegin(), changes.cend(), [&](const QList<QVariant> &args) {
        const auto topLeft = args.at(0).toModelIndex();
        const auto bottomRight = args.at(1).toModelIndex();
        return topLeft.row() <= cell.row() && cell.row() <= bottomRight.row()
            && topLeft.column() <= cell.column() && cell.column() <= bottomRight.column();
    });
    QVERIFY(covered);
    QCOMPARE(cell.data().toString(), QStringLiteral("v2"));
}

QTEST_GUILESS_MAIN(TestRegisteredModelListModel)
#include "tst_registeredmodellistmodel.moc"
