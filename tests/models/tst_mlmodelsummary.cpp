#include "mlmodelsummary.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Artifacts;

namespace {

// As mlflow.sklearn.log_model (MLflow 2.x/3.x) writes it, with an input example's signature
// and inference params.
const char *const SklearnMlModel = R"(artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.11.9
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.5.2
mlflow_version: 2.17.2
model_size_bytes: 1048576
model_uuid: 3f1e8a0c2b9d4e7f8a6b5c4d3e2f1a0b
run_id: 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d
saved_input_example_info:
  artifact_path: input_example.json
  pandas_orient: split
  serving_input_path: serving_input_example.json
  type: dataframe
signature:
  inputs: '[{"type": "double", "name": "MedInc", "required": true}, {"type": "double",
    "name": "HouseAge", "required": true}, {"type": "long", "name": "Rooms", "required": false}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1]}}]'
  params: '[{"name": "temperature", "type": "double", "default": 0.7, "shape": null}]'
utc_time_created: '2024-11-05 10:15:32.123456'
)";

} // namespace

class TestMlModelSummary : public QObject
{
    Q_OBJECT
private slots:
    void identity();
    void flavors();
    void signature();
    void withoutSignature();
    void badSignatureJson();
    void invalidYaml();
    void requirementFilesBeside();
    void missingFile();
};

void TestMlModelSummary::identity()
{
    const MlModelSummary s = summariseMlModel(SklearnMlModel);
    QVERIFY2(s.ok(), qPrintable(s.error));
    QCOMPARE(s.runId, QStringLiteral("9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"));
    QCOMPARE(s.modelUuid, QStringLiteral("3f1e8a0c2b9d4e7f8a6b5c4d3e2f1a0b"));
    QCOMPARE(s.utcTimeCreated, QStringLiteral("2024-11-05 10:15:32.123456"));
    QCOMPARE(s.mlflowVersion, QStringLiteral("2.17.2"));
    QCOMPARE(s.artifactPath, QStringLiteral("model"));
    QCOMPARE(s.modelSizeBytes, 1048576);
}

void TestMlModelSummary::flavors()
{
    const MlModelSummary s = summariseMlModel(SklearnMlModel);
    QCOMPARE(s.flavors.size(), 2);
    QCOMPARE(s.flavors[0].name, QStringLiteral("python_function"));
    QVERIFY(
        s.flavors[0].fields.contains(qMakePair(QStringLiteral("env.conda"), QStringLiteral("conda.yaml"))));
    QVERIFY(s.flavors[0].fields.contains(
        qMakePair(QStringLiteral("loader_module"), QStringLiteral("mlflow.sklearn"))));
    QCOMPARE(s.flavors[1].name, QStringLiteral("sklearn"));
    QVERIFY(
        s.flavors[1].fields.contains(qMakePair(QStringLiteral("sklearn_version"), QStringLiteral("1.5.2"))));
    QVERIFY(s.flavors[1].fields.contains(qMakePair(QStringLiteral("code"), QStringLiteral("null"))));
}

void TestMlModelSummary::signature()
{
    const MlModelSummary s = summariseMlModel(SklearnMlModel);
    QVERIFY(s.hasSignature);
    QVERIFY2(s.signatureError.isEmpty(), qPrintable(s.signatureError));
    QCOMPARE(s.inputs,
             (QList<MlModelField> {{QStringLiteral("MedInc"), QStringLiteral("double"), {}},
                                   {QStringLiteral("HouseAge"), QStringLiteral("double"), {}},
                                   {QStringLiteral("Rooms"), QStringLiteral("long"), {}}}));
    QCOMPARE(s.outputs, (QList<MlModelField> {{{}, QStringLiteral("float64"), QStringLiteral("(-1)")}}));
    QCOMPARE(s.params,
             (QList<MlModelParam> {
                 {QStringLiteral("temperature"), QStringLiteral("double"), QStringLiteral("0.7"), {}}}));
}

void TestMlModelSummary::withoutSignature()
{
    const MlModelSummary s
        = summariseMlModel("flavors:\n  pytorch:\n    pytorch_version: 2.5.1\nrun_id: abc\n");
    QVERIFY(s.ok());
    QVERIFY(!s.hasSignature);
    QCOMPARE(s.flavors.size(), 1);
    QCOMPARE(s.modelSizeBytes, -1);
}

void TestMlModelSummary::badSignatureJson()
{
    const MlModelSummary s = summariseMlModel("signature:\n  inputs: '[{\"name\": oops'\n  outputs: null\n");
    QVERIFY(s.ok());
    QVERIFY(s.hasSignature);
    QVERIFY(s.inputs.isEmpty());
    QVERIFY(s.signatureError.contains(QLatin1String("inputs")));
}

void TestMlModelSummary::invalidYaml()
{
    const MlModelSummary broken = summariseMlModel("flavors: [unclosed\nrun_id: x\n");
    QVERIFY(!broken.ok());
    QVERIFY(broken.errorLine > 0);
    QVERIFY(!summariseMlModel("just a string").ok());
}

void TestMlModelSummary::requirementFilesBeside()
{
    QTemporaryDir dir;
    const auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(QStringLiteral("MLmodel"), SklearnMlModel));
    QVERIFY(write(QStringLiteral("requirements.txt"), "mlflow==2.17.2\nscikit-learn==1.5.2\n"));
    QVERIFY(write(QStringLiteral("python_env.yaml"), "python: 3.11.9\n"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("conda.yaml"))); // a folder of that name is no file
    const MlModelSummary s = readMlModel(dir.filePath(QStringLiteral("MLmodel")));
    QVERIFY(s.ok());
    QCOMPARE(s.requirements.size(), 2);
    QCOMPARE(s.requirements[0].name, QStringLiteral("requirements.txt"));
    QCOMPARE(s.requirements[0].size, qint64(qstrlen("mlflow==2.17.2\nscikit-learn==1.5.2\n")));
    QVERIFY(s.requirements[0].content.contains(QLatin1String("scikit-learn==1.5.2")));
    QCOMPARE(s.requirements[1].name, QStringLiteral("python_env.yaml"));
}

void TestMlModelSummary::missingFile()
{
    const MlModelSummary s = readMlModel(QStringLiteral("/nonexistent/kaizen/MLmodel"));
    QVERIFY(!s.ok());
    QVERIFY(s.error.contains(QLatin1String("MLmodel")));
}

QTEST_GUILESS_MAIN(TestMlModelSummary)
#include "tst_mlmodelsummary.moc"
