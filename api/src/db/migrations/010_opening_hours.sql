-- 010: a site's opening hours (开放时间), free text such as 周一至周五 9:00-17:00; public on the resident page.

ALTER TABLE sites ADD COLUMN opening_hours text NOT NULL DEFAULT '' CHECK (char_length(opening_hours) <= 200);
