package cn.gov.jieyang.talent.mockyxq.testcontrol;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The switches in force, process-wide: a test flips them, then drives a login. Only this package
 * changes them, through {@code /test-control/mode}.
 */
@Component
public class FailureSwitches {

    private final AtomicReference<TestMode> mode = new AtomicReference<>(TestMode.NORMAL);

    public TestMode current() {
        return mode.get();
    }

    void set(TestMode newMode) {
        mode.set(newMode);
    }

    void reset() {
        mode.set(TestMode.NORMAL);
    }
}
