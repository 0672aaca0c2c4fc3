#include <QTest>

class Stub_tst_rundetailsmodel : public QObject
{
    Q_OBJECT
private slots:
    void notWrittenYet() { QSKIP("placeholder"); }
};

QTEST_MAIN(Stub_tst_rundetailsmodel)
#include "tst_rundetailsmodel.moc"
