#include <QTest>

class Stub_tst_experimentlistmodel : public QObject
{
    Q_OBJECT
private slots:
    void notWrittenYet() { QSKIP("placeholder"); }
};

QTEST_MAIN(Stub_tst_experimentlistmodel)
#include "tst_experimentlistmodel.moc"
