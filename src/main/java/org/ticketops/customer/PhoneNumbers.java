package org.ticketops.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.ticketops.web.InvalidField;

/** Phone numbers as staff type them (E.164, or national in the center's region) stored as E.164: {@code +8613800138000}. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164, or null for none; refuses what is not a valid number. */
    static String normalise(String typed, String region, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(typed, region);
            if (!UTIL.isValidNumber(number)) {
                throw new InvalidField(field, "is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidField(field, "is not a phone number");
        }
    }
}
