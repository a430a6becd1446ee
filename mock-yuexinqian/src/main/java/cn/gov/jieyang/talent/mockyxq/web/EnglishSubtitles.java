package cn.gov.jieyang.talent.mockyxq.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Templates call {@code ${@en.text('key', arg)}} for the English line under each Chinese one. The
 * pages are zh-CN; the subtitle comes from the same bundles in English rather than from a second
 * set of keys, so the two can never drift apart in meaning unnoticed.
 */
@Component("en")
class EnglishSubtitles {

    private final MessageSource messages;

    EnglishSubtitles(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
